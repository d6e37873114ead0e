// /country and /help through the fake Discord.
import type { APIEmbed } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

const field = (embed: APIEmbed | undefined, name: string) => embed?.fields?.find((f) => f.name === name)?.value ?? '';

describe('/country', () => {
  it('South Korea: 191 of the 192 other UN members, North Korea the exception, Syria, Cuba and Niue the latest', async () => {
    const result = await world.discord.slash('/country country:South Korea');
    const embed = result.data.embeds?.[0];
    expect(embed?.description).toContain('**191** of the 192 other UN member states');
    expect(field(embed, 'UN members without relations')).toContain('North Korea');
    const recent = field(embed, 'Most recent changes').split('\n');
    expect(recent[0]).toContain('Syria');
    expect(recent[1]).toContain('Cuba');
    expect(recent[2]).toContain('Niue');
  });

  it('North Korea: 160 partners and the relations it lost', async () => {
    const result = await world.discord.slash('/country country:KP');
    const embed = result.data.embeds?.[0];
    expect(field(embed, 'Partners')).toContain('160 countries and territories');
    expect(field(embed, 'Severed or suspended')).toContain('Malaysia: severed, 19 March 2021');
  });

  it('France, from the world layer: counts computed from the data, exceptions named, breaks dated', async () => {
    const embed = (await world.discord.slash('/country country:France')).data.embeds?.[0];
    expect(embed?.description).toContain('**189** of the 192 other UN member states');
    expect(embed?.description).toContain('For 1 more, neither side');
    expect(field(embed, 'UN members without relations').split('\n')).toEqual([
      '🇳🇪 Niger (severed)',
      '🇰🇵 North Korea (no relations)',
    ]);
    expect(field(embed, 'UN members neither list mentions')).toBe('🇧🇹 Bhutan');
    expect(field(embed, 'Severed or suspended')).toContain('Taiwan: severed, 1964');
    expect(embed?.footer?.text).toMatch(/^Statuses checked between August 2025 and /);
  });

  it("sorts long lists by the name in the reader's language", async () => {
    const en = (await world.discord.slash('/country country:Niue')).data.embeds?.[0];
    const enNames = field(en, 'UN members neither list mentions')
      .split(', ')
      .map((item) => item.replace(/^\S+ /, ''));
    expect(enNames.slice(0, 3)).toEqual(['Afghanistan', 'Albania', 'Algeria']);
    const ko = (await world.discord.slash('/country country:Niue', { locale: 'ko' })).data.embeds?.[0];
    const koNames = field(ko, '양쪽 목록에 모두 없는 유엔 회원국')
      .split(', ')
      .map((item) => item.replace(/^\S+ /, ''));
    expect(koNames.slice(0, 3)).toEqual(['가나', '가봉', '가이아나']);
    expect(field(ko, '양쪽 목록에 모두 없는 유엔 회원국')).toMatch(/…외 \d+건$/);
  });

  it('answers a former name for its successor, with the note shown', async () => {
    const result = await world.discord.slash('/country country:Burma');
    expect(result.data.content).toContain('"Burma" is the name used until 18 June 1989: answered for 🇲🇲 Myanmar.');
    expect(result.data.embeds?.[0]?.title).toContain('Myanmar');
  });

  it('speaks Korean to a Korean-locale user', async () => {
    const result = await world.discord.slash('/country country:북한', { locale: 'ko' });
    expect(result.data.embeds?.[0]?.title).toContain('북한');
    expect(result.data.embeds?.[0]?.fields?.map((f) => f.name)).toContain('수교국');
  });
});

describe('/help', () => {
  it('lists every command with one line each', async () => {
    const result = await world.discord.slash('/help');
    const lines = result.data.embeds?.[0]?.description?.split('\n') ?? [];
    expect(result.ephemeral).toBe(true);
    for (const name of [
      '/country',
      '/daily set',
      '/daily status',
      '/help',
      '/news',
      '/quiz start',
      '/quiz leaderboard',
      '/relations',
    ])
      expect(lines.some((line) => line.startsWith(`**${name}`))).toBe(true);
  });
});
