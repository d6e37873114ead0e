// /relations through the fake Discord: a slash command in, a Discord payload out.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld({ now: () => new Date('2026-11-26T12:00:00Z') });
});
afterAll(() => world?.close());

async function ask(line: string, locale = 'en-US') {
  const result = await world.discord.slash(line, { locale: locale as 'en-US' });
  const embed = result.data.embeds?.[0];
  const text = [
    result.data.content,
    embed?.title,
    embed?.description,
    ...(embed?.fields ?? []).flatMap((f) => [f.name, f.value]),
  ]
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

  it('answers any pair from the world layer: France–Germany, with each list named as its source', async () => {
    const { embed, text } = await ask('/relations country:France with:Germany');
    expect(embed?.title).toBe('🇩🇪 Germany ↔ 🇫🇷 France');
    expect(embed?.description).toContain('established** on 11 July 1951');
    expect(text).toContain(
      '[Wikipedia: Foreign relations of France](https://en.wikipedia.org/wiki/Foreign_relations_of_France)',
    );
    expect(text).toContain('[Wikipedia: Foreign relations of Germany]');
    expect(embed?.footer?.text).toContain('Status as of November 2025');
    expect(text).toContain('Medium: one publisher states it.');
    // Nobody researched this pair's history: the reply says so instead of implying an unbroken line.
    expect(text).toContain('not a researched history');
  });

  it('a break the sources do not date is said to be undated; a researched pair claims no unknown history', async () => {
    const { text } = await ask('/relations country:Cyprus with:Turkey');
    expect(text).toContain('suspended');
    expect(text).toContain('When relations were broken off is not in my sources.');
    const cuba = await ask('/relations country:Cuba with:United States');
    expect(cuba.text).not.toContain('not a researched history');
  });

  it('United States–Cuba: restored in 2015 after the 1961 break, each event with its own sources', async () => {
    const { embed, text } = await ask('/relations country:Cuba with:United States');
    expect(embed?.description).toContain('restored on 20 July 2015');
    expect(embed?.description).toContain('first established on 27 May 1902');
    expect(text).toMatch(/3 January 1961: relations severed/);
    expect(text).toMatch(/20 July 2015: relations restored/);
  });

  it('a pair neither list mentions is "not listed", never "no relations"', async () => {
    const { embed } = await ask('/relations country:Niue with:Cook Islands');
    expect(embed?.description).toContain("Neither country's own list of diplomatic relations mentions the other");
    expect(embed?.description).toMatch(/not the same as having no relations/);
    expect(embed?.description).not.toMatch(/they have no diplomatic relations/i);
    const ko = await ask('/relations country:Niue with:Cook Islands', 'ko');
    expect(ko.embed?.description).toContain('상대국을 올리지 않았습니다');
    expect(ko.embed?.description).toContain('외교 관계가 없다는 뜻은 아닙니다');
  });

  it('where the two lists give different years, shows both and says they disagree', async () => {
    const { embed } = await ask('/relations country:Iran with:Israel');
    expect(embed?.description).toContain("The two countries' own lists disagree");
    expect(embed?.description).toContain("Israel's gives 1948, Iran's gives 1950");
    const ko = await ask('/relations country:Iran with:Israel', 'ko');
    expect(ko.embed?.description).toContain('이스라엘 목록은 1948년, 이란 목록은 1950년');
  });

  it('each answer says how current its own row is', async () => {
    const bolivia = await ask('/relations country:Bolivia with:Israel');
    expect(bolivia.embed?.footer?.text).toContain('Status as of 9 December 2025');
    const syria = await ask('/relations country:Syria');
    expect(syria.embed?.footer?.text).toContain('Status as of August 2025');
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

  it('answers a former name for its successor, and says so', async () => {
    const ussr = await ask('/relations country:USSR with:United States');
    expect(ussr.result.data.content).toContain(
      '"USSR" is the Soviet Union, which ended on 26 December 1991: answered for 🇷🇺 Russia',
    );
    expect(ussr.embed?.title).toContain('Russia');
    const persia = await ask('/relations country:Persia');
    expect(persia.embed?.title).toContain('Iran');
    expect(persia.embed?.title).not.toContain('Serbia');
    expect(persia.result.data.content).toContain('the name used until 21 March 1935');
    const ko = await ask('/relations country:소련', 'ko');
    expect(ko.result.data.content).toContain(
      '*"소련"은 1991년 12월 26일에 사라진 나라입니다. 승계국인 🇷🇺 러시아 기준으로 답합니다.*',
    );
  });

  it('a dissolved state gets a clear reply and the states it became', async () => {
    const { result } = await ask('/relations country:Czechoslovakia');
    expect(result.ephemeral).toBe(true);
    expect(result.data.content).toContain('Czechoslovakia no longer exists');
    expect(result.data.content).toContain('Czechia');
    expect(result.data.content).toContain('Slovakia');
    const ko = await ask('/relations country:유고슬라비아', 'ko');
    expect(ko.result.data.content!.split('\n')[0]).toBe(
      '유고슬라비아는 1992년 4월 27일에 사라진 나라입니다. 뒤를 이은 나라 중 하나를 골라 주세요.',
    );
    const east = await ask('/relations country:East Germany');
    expect(east.result.data.content).toContain(
      'East Germany no longer exists: it ended on 3 October 1990, when it became part of the state below.',
    );
    expect(east.result.data.content).toContain('Germany');
    expect(ko.result.data.content).toContain('세르비아');
  });

  it('"Korea" alone offers both Koreas instead of picking one', async () => {
    const { result } = await ask('/relations country:Korea with:Japan');
    expect(result.ephemeral).toBe(true);
    expect(result.data.content).toContain('could mean more than one country');
    expect(result.data.content).toContain('South Korea');
    expect(result.data.content).toContain('North Korea');
  });

  it('near-miss typos: one letter off answers, two letters off asks, closest first, in Korean too', async () => {
    const korean = await ask('/relations country:시랴', 'ko');
    expect(korean.embed?.title).toContain('시리아');
    const near = await ask('/relations country:Swedan');
    expect(near.embed?.title).toContain('Sweden');
    // One letter from Austria, two from Australia: too close to pick, so ask, the nearer first.
    const far = await ask('/relations country:Austrila');
    expect(far.result.ephemeral).toBe(true);
    const lines = far.result.data.content!.split('\n');
    expect(lines[1]).toBe('Did you mean:');
    expect(lines[2]).toContain('Austria');
    expect(lines[3]).toContain('Australia');
    const farKo = await ask('/relations country:스위든', 'ko');
    expect(farKo.result.data.content).toContain('혹시 이 나라인가요?');
    expect(farKo.result.data.content).toContain('스웨덴');
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
