// Exploring by clicking, through the fake Discord: each country's profile and every source under a /relations
// answer; a /country profile's long lists a page at a time; the buttons still work after a restart.
import type { APIButtonComponentWithCustomId, APIMessage, APIStringSelectComponent } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startWorld, type World } from './world.js';

let world: World;
beforeEach(async () => {
  world = await startWorld();
});
afterEach(() => world?.close());

const componentsOf = (message: APIMessage) =>
  (message.components ?? []).flatMap((row) => ('components' in row ? (row.components as unknown[]) : []));
const buttons = (message: APIMessage) =>
  componentsOf(message).filter((c) => (c as { type: number }).type === 2) as APIButtonComponentWithCustomId[];
const menu = (message: APIMessage) =>
  componentsOf(message).find((c) => (c as { type: number }).type === 3) as APIStringSelectComponent | undefined;

describe('under a /relations answer', () => {
  it("offers each country's profile and every source, privately, in both languages", async () => {
    const answer = await world.discord.slash('/relations country:Syria');
    const labels = buttons(answer.message).map((button) => button.label);
    expect(labels).toEqual(['🇰🇷 South Korea: profile', '🇸🇾 Syria: profile', 'All sources']);

    const profile = await world.discord.click(answer, buttons(answer.message)[1]!.custom_id);
    expect(profile.ephemeral).toBe(true);
    expect(profile.data.embeds?.[0]?.title).toContain('Syria');

    const sources = await world.discord.click(answer, buttons(answer.message)[2]!.custom_id, { locale: 'ko' });
    expect(sources.ephemeral).toBe(true);
    expect(sources.data.embeds?.[0]?.title).toContain('출처');
    const description = sources.data.embeds?.[0]?.description ?? '';
    expect(description).toContain('https://www.kuna.net.kw/');
    // Each source says what it backs: here the status of the pair.
    expect(description).toMatch(/KUNA\)\]\(https:[^)]+\) · 근거: 수교/);

    const korean = await world.discord.slash('/relations country:Syria', { locale: 'ko' });
    expect(buttons(korean.message).map((button) => button.label)).toEqual([
      '🇰🇷 대한민국 요약',
      '🇸🇾 시리아 요약',
      '출처 전체',
    ]);
  });

  it('keeps working after a restart: what a click needs is in its custom_id', async () => {
    const answer = await world.discord.slash('/relations country:Cuba with:North Korea');
    await world.restart();
    const profile = await world.discord.click(answer, buttons(answer.message)[1]!.custom_id);
    expect(profile.data.embeds?.[0]?.title).toContain('Cuba');
  });

  it('a question about one country twice gets no buttons', async () => {
    const same = await world.discord.slash('/relations country:Japan with:Japan');
    expect(same.ephemeral).toBe(true);
    expect(buttons(same.message)).toEqual([]);
  });
});

describe('under a /country profile', () => {
  it('lists each list with its size, and shows one a page at a time', async () => {
    const profile = await world.discord.slash('/country country:France');
    const lists = menu(profile.message);
    expect(lists?.options.map((option) => option.value)).toContain('partners');
    const partnersOption = lists!.options.find((option) => option.value === 'partners')!;
    const total = Number(/\((\d+)\)/.exec(partnersOption.label)![1]);
    expect(total).toBeGreaterThan(150);

    const page1 = await world.discord.select(profile, lists!.custom_id, ['partners']);
    expect(page1.ephemeral).toBe(true);
    const pages = Math.ceil(total / 20);
    expect(page1.data.embeds?.[0]?.footer?.text).toBe(`Page 1 of ${pages}`);
    const lines1 = (page1.data.embeds?.[0]?.description ?? '').split('\n');
    expect(lines1).toHaveLength(20);
    // In the reader's alphabetical order: Afghanistan comes first, and Bhutan before Bolivia.
    expect(lines1[0]).toContain('Afghanistan');

    const [previous, next] = buttons(page1.message);
    expect(previous!.disabled).toBe(true);
    const page2 = await world.discord.click(page1, next!.custom_id);
    expect(page2.type).toBe(7); // the same message, updated
    expect(page2.data.embeds?.[0]?.footer?.text).toBe(`Page 2 of ${pages}`);
    const lines2 = (page2.data.embeds?.[0]?.description ?? '').split('\n');
    expect(lines2[0]).not.toBe(lines1[0]);
  });

  it('in Korean, names sorted in 가나다 order', async () => {
    const profile = await world.discord.slash('/country country:France', { locale: 'ko' });
    const page = await world.discord.select(profile, menu(profile.message)!.custom_id, ['partners'], { locale: 'ko' });
    const names = (page.data.embeds?.[0]?.description ?? '').split('\n').map((line) => line.replace(/^• \S+ /, ''));
    expect(names).toEqual([...names].sort(new Intl.Collator('ko').compare));
    expect(page.data.embeds?.[0]?.footer?.text).toMatch(/^\d+쪽 중 1쪽$/);
  });
});
