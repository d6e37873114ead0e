// /relations through the fake Discord: a slash command in, a Discord payload out.
import type { APIEmbed } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld({ now: () => new Date('2026-11-26T12:00:00Z') });
});
afterAll(() => world?.close());

async function ask(line: string, locale = 'en-US') {
  const result = await world.discord.slash(line, { locale: locale as 'en-US' });
  const embed = result.data.embeds?.[0] as APIEmbed | undefined;
  const text = [result.data.content, embed?.title, embed?.description, ...(embed?.fields ?? []).flatMap((f) => [f.name, f.value])]
    .filter(Boolean)
    .join('\n');
  return { result, embed, text };
}

describe('/relations', () => {
  it('South Korea–Syria: established on 10 April 2025, how long ago, history, linked sources and confidence', async () => {
    const { result, embed, text } = await ask('/relations country:Syria');
    expect(result.ephemeral).toBe(false);
    expect(result.data.allowed_mentions).toEqual({ parse: [] });
    expect(embed?.title).toContain('South Korea');
    expect(embed?.title).toContain('Syria');
    expect(embed?.description).toContain('established');
    expect(embed?.description).toContain('10 April 2025');
    expect(embed?.description).toContain('1 year and 7 months ago');
    const sources = embed?.fields?.find((field) => field.name === 'Sources');
    expect(sources?.value).toMatch(/\[[\w.-]+\]\(https?:\/\/[^)]+\)/);
    expect(text).toContain('How sure');
    expect(text).toContain('High');
  });

  it('is symmetric: South Korea with Syria reads the same as Syria with South Korea', async () => {
    const forward = await ask('/relations country:Syria with:South Korea');
    const backward = await ask('/relations country:South Korea with:Syria');
    expect(forward.embed?.description).toBe(backward.embed?.description);
    expect(forward.embed?.fields).toEqual(backward.embed?.fields);
  });

  it('Cuba: established on 14 February 2024', async () => {
    const { embed } = await ask('/relations country:Cuba');
    expect(embed?.description).toContain('14 February 2024');
  });

  it('North Korea: no diplomatic relations, said from a fact on record', async () => {
    const { embed } = await ask('/relations country:North Korea');
    expect(embed?.description).toMatch(/no diplomatic relations/i);
    expect(embed?.fields?.some((field) => field.name === 'Sources')).toBe(true);
  });

  it('Taiwan: severed, with when relations were first established', async () => {
    const { embed } = await ask('/relations country:Taiwan');
    expect(embed?.description).toMatch(/severed\*\* on \d+ August 1992/);
    expect(embed?.description).toContain('first established on 13 August 1948');
  });

  it('Malaysia with North Korea: severed on 19 March 2021', async () => {
    const { embed } = await ask('/relations country:Malaysia with:North Korea');
    expect(embed?.title).toContain('North Korea');
    expect(embed?.description).toContain('severed** on 19 March 2021');
  });

  it('keeps a year-only date as the year', async () => {
    const { embed } = await ask('/relations country:Austria with:North Korea');
    expect(embed?.description).toMatch(/established\*\* in 1974 \(about \d+ years ago\)/);
  });

  it('says it does not know a pair it has no record of', async () => {
    const { embed } = await ask('/relations country:France with:Brazil');
    expect(embed?.description).toContain('no record');
    expect(embed?.description).not.toMatch(/no diplomatic relations/i);
  });

  it('resolves a typed name that autocomplete never offered, typos included', async () => {
    const { embed } = await ask('/relations country:sirya');
    expect(embed?.title).toContain('Syria');
  });

  it('answers an unknown country privately, with the closest suggestions', async () => {
    const { result } = await ask('/relations country:Atlantis');
    expect(result.ephemeral).toBe(true);
    expect(result.data.content).toContain('Atlantis');
    expect(result.data.content).toContain('Did you mean');
    expect(result.data.embeds ?? []).toHaveLength(0);
  });

  it('answers a Korean-locale user in Korean', async () => {
    const { embed, text } = await ask('/relations country:시리아', 'ko');
    expect(embed?.title).toContain('대한민국');
    expect(embed?.title).toContain('시리아');
    expect(embed?.description).toContain('2025년 4월 10일');
    expect(embed?.description).toContain('1년 7개월 전');
    expect(text).toContain('출처');
  });

  it('made no REST call the fake did not know', () => {
    expect(world.discord.requests.filter((request) => request.route === undefined)).toEqual([]);
  });
});
