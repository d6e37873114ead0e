// /news through the fake Discord.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld({ now: () => new Date('2026-11-30T09:00:00Z') });
});
afterAll(() => world?.close());

describe('/news', () => {
  it('posts the latest item: headline, date, points, key facts, countries and linked sources', async () => {
    const result = await world.discord.slash('/news');
    const embed = result.data.embeds?.[0];
    expect(result.ephemeral).toBe(false);
    expect(result.data.allowed_mentions).toEqual({ parse: [] });
    expect(embed?.title).toBeTruthy();
    expect(embed?.url).toMatch(/^https?:\/\//);
    const points = embed?.description?.split('\n').filter((line) => line.startsWith('• ')) ?? [];
    expect(points.length).toBeGreaterThanOrEqual(3);
    expect(points.length).toBeLessThanOrEqual(5);
    const names = embed?.fields?.map((field) => field.name);
    expect(names).toEqual(expect.arrayContaining(['Key facts (from the data)', 'Countries involved', 'Sources']));
    expect(embed?.fields?.find((field) => field.name === 'Sources')?.value).toMatch(/\[.+\]\(https?:\/\/.+\)/);
  });

  it('item: autocompletes over headlines and shows the South Korea–Syria story with facts computed from the data', async () => {
    const choices = await world.discord.autocomplete('/news item:syria', 'item');
    expect(choices.map((choice) => choice.value)).toContain('2025-04-10-south-korea-syria');
    const result = await world.discord.slash('/news item:2025-04-10-south-korea-syria');
    const embed = result.data.embeds?.[0];
    expect(embed?.title).toContain('Syria');
    expect(embed?.description).toContain('10 April 2025');
    const keyFacts = embed?.fields?.find((field) => field.name === 'Key facts (from the data)')?.value ?? '';
    expect(keyFacts).toContain('191 of the 192 other UN members');
    expect(keyFacts).toContain('North Korea');
    expect(keyFacts).toMatch(/Cuba: established, 14 February 2024/);
    expect(keyFacts).toMatch(/South Korea ↔ .*Syria: established, 10 April 2025/);
  });

  it('shows how old each item is, and carries the changes since August 2025', async () => {
    const latest = await world.discord.slash('/news');
    expect(latest.data.embeds?.[0]?.title).toBe('United States and Venezuela restore diplomatic relations');
    expect(latest.data.embeds?.[0]?.description).toContain('📅 5 March 2026 (8 months ago)');
    const syria = await world.discord.slash('/news item:2025-09-24-syria-ukraine');
    expect(syria.data.embeds?.[0]?.description).toContain('24 September 2025 (1 year and 2 months ago)');
    const keyFacts = syria.data.embeds?.[0]?.fields?.[0]?.value ?? '';
    expect(keyFacts).toMatch(/Syria ↔ .*Ukraine: established, 24 September 2025/);
    const ko = await world.discord.slash('/news item:2025-12-09-bolivia-israel', { locale: 'ko' });
    expect(ko.data.embeds?.[0]?.description).toContain('2025년 12월 9일 (11개월 전)');
  });

  it('takes a typed headline word that was never offered, and refuses an unknown one privately', async () => {
    const typed = await world.discord.slash('/news item:Malaysia');
    expect(typed.data.embeds?.[0]?.title).toContain('Malaysia');
    const unknown = await world.discord.slash('/news item:Atlantis joins the UN');
    expect(unknown.ephemeral).toBe(true);
    expect(unknown.data.content).toContain('Atlantis');
  });

  it('speaks Korean to a Korean-locale user', async () => {
    const result = await world.discord.slash('/news item:2025-04-10-south-korea-syria', { locale: 'ko' });
    const embed = result.data.embeds?.[0];
    expect(embed?.title).toContain('시리아');
    expect(embed?.description).toContain('2025년 4월 10일');
    expect(embed?.fields?.map((field) => field.name)).toContain('핵심 사실 (데이터 기준)');
  });
});
