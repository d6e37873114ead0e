// Country autocomplete through the fake Discord: what a user types, what the bot offers.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

describe('country autocomplete', () => {
  it.each([
    ['KR', 'KR'],
    ['KOR', 'KR'],
    ['kor', 'KR'],
    ['북한', 'KP'],
    ['대한민국', 'KR'],
    ['DPRK', 'KP'],
    ['ROK', 'KR'],
    ['Ivory Coast', 'CI'],
    ['Burma', 'MM'],
    ['Vatican', 'VA'],
    ['Czech Republic', 'CZ'],
    ['Turkey', 'TR'],
    ['Türkiye', 'TR'],
    ['TURKIYE', 'TR'],
    ['Swaziland', 'SZ'],
    ['Macedonia', 'MK'],
    ['East Timor', 'TL'],
    ['Cape Verde', 'CV'],
    ['cote d ivoire', 'CI'],
    ['sirya', 'SY'],
    ['syr', 'SY'],
  ])('offers %s first as %s', async (typed, code) => {
    const choices = await world.discord.autocomplete(`/relations country:${typed}`, 'country');
    expect(choices[0]?.value).toBe(code);
    expect(choices.length).toBeLessThanOrEqual(25);
  });

  it('completes the with: option too, and /country', async () => {
    expect((await world.discord.autocomplete('/relations country:Syria with:DPRK', 'with'))[0]?.value).toBe('KP');
    expect((await world.discord.autocomplete('/country country:burma', 'country'))[0]?.value).toBe('MM');
  });

  it('offers 25 countries for an empty box, every value an alpha-2 code', async () => {
    const choices = await world.discord.autocomplete('/relations country:', 'country');
    expect(choices).toHaveLength(25);
    for (const choice of choices) expect(choice.value).toMatch(/^[A-Z]{2}$/);
  });

  it('names choices in Korean for a Korean-locale user', async () => {
    const choices = await world.discord.autocomplete('/relations country:syria', 'country', { locale: 'ko' });
    expect(choices[0]?.name).toContain('시리아');
  });
});
