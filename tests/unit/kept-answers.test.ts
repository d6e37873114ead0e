// What the bot keeps so that a question asked again costs little: the search's resolutions, the facts' answers, and
// the written /relations replies. Kept answers must be the answers: the same for the same question, never for another.
import { beforeEach, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { RecentlyUsed } from '../../src/facts/recently-used.js';
import { CountrySearch } from '../../src/facts/search.js';
import { dataDir } from '../../src/paths.js';
import { relationAnswerReply } from '../../src/render/relation-answer.js';
import { relationReply } from '../../src/render/relation.js';
import { relationButtons } from '../../src/render/explore.js';

const facts = loadFacts(dataDir);
const country = (code: string) => facts.country(code)!;

describe('RecentlyUsed', () => {
  it('keeps at most its capacity, forgetting the least recently used first', () => {
    const kept = new RecentlyUsed<number>(2);
    kept.set('a', 1);
    kept.set('b', 2);
    expect(kept.get('a')).toBe(1); // a is now the most recent
    kept.set('c', 3);
    expect(kept.get('b')).toBeUndefined();
    expect(kept.get('a')).toBe(1);
    expect(kept.get('c')).toBe(3);
    expect(kept.size).toBe(2);
    kept.set('a', 10);
    expect(kept.get('a')).toBe(10);
    expect(kept.size).toBe(2);
  });

  it('getOrMake makes a value only when none is kept, and keeps it', () => {
    const kept = new RecentlyUsed<string>(2);
    let made = 0;
    const make = () => `value ${++made}`;
    expect(kept.getOrMake('x', make)).toBe('value 1');
    expect(kept.getOrMake('x', make)).toBe('value 1');
    expect(kept.getOrMake('y', make)).toBe('value 2');
    expect(made).toBe(2);
    expect(kept.get('y')).toBe('value 2');
  });
});

describe('the search remembers what a text meant', () => {
  let search: CountrySearch;
  beforeEach(() => {
    search = new CountrySearch(facts.countries, facts.names);
  });

  it('the same text: the same resolution, found again without working it out', () => {
    const first = search.resolve('sirya');
    expect(first).toMatchObject({ kind: 'found', country: { code: 'SY' } });
    expect(search.resolve('sirya')).toBe(first);
  });

  it('another number of suggestions is another question', () => {
    const five = search.resolve('xqzv', 5);
    const two = search.resolve('xqzv', 2);
    expect(five.kind).toBe('unknown');
    expect(two.kind).toBe('unknown');
    if (five.kind !== 'unknown' || two.kind !== 'unknown') return;
    expect(five.suggestions).toHaveLength(5);
    expect(two.suggestions).toHaveLength(2);
  });

  it('texts that differ get their own answers', () => {
    expect(search.resolve('Syria')).toMatchObject({ country: { code: 'SY' } });
    expect(search.resolve('Serbia')).toMatchObject({ country: { code: 'RS' } });
    expect(search.resolve('Syria')).toMatchObject({ country: { code: 'SY' } });
  });
});

describe('the facts give the same answer object for a pair', () => {
  it('in the order asked, each order its own', () => {
    const krSy = facts.relationBetween(country('KR'), country('SY'));
    expect(facts.relationBetween(country('KR'), country('SY'))).toBe(krSy);
    const syKr = facts.relationBetween(country('SY'), country('KR'));
    expect(syKr).not.toBe(krSy);
    expect(syKr).toMatchObject({ a: { code: 'SY' }, b: { code: 'KR' } });
    expect(krSy).toMatchObject({ a: { code: 'KR' }, b: { code: 'SY' } });
  });
});

describe('written /relations replies', () => {
  const answer = facts.relationBetween(country('KR'), country('SY'));
  const day = new Date('2026-04-09T12:00:00Z');

  it('are what relationReply writes, with the buttons', () => {
    const reply = relationAnswerReply(answer, 'en', day, facts.sources);
    expect(reply).toEqual({
      ...relationReply(answer, 'en', day, facts.sources),
      components: relationButtons(answer, 'en'),
    });
  });

  it('the same answer, language and day: the same reply; another language or day: written again', () => {
    const english = relationAnswerReply(answer, 'en', day, facts.sources);
    expect(relationAnswerReply(answer, 'en', new Date('2026-04-09T23:59:00Z'), facts.sources)).toBe(english);
    const korean = relationAnswerReply(answer, 'ko', day, facts.sources);
    expect(korean.embeds?.[0]?.title).not.toBe(english.embeds?.[0]?.title);
    expect(korean).toEqual({
      ...relationReply(answer, 'ko', day, facts.sources),
      components: relationButtons(answer, 'ko'),
    });
    // Established on 10 April 2025: eleven months on the 9th, a year on the 10th.
    const nextDay = new Date('2026-04-10T00:00:00Z');
    const later = relationAnswerReply(answer, 'en', nextDay, facts.sources);
    expect(later).not.toBe(english);
    expect(later.embeds?.[0]?.description).not.toBe(english.embeds?.[0]?.description);
    expect(later).toEqual({
      ...relationReply(answer, 'en', nextDay, facts.sources),
      components: relationButtons(answer, 'en'),
    });
  });

  it('keeps both languages of a day, and four replies at most: writing a fifth forgets the older ones', () => {
    const other = facts.relationBetween(country('JP'), country('CU'));
    const on = (date: string) => new Date(`${date}T08:00:00Z`);
    const english = relationAnswerReply(other, 'en', on('2026-05-01'), facts.sources);
    const korean = relationAnswerReply(other, 'ko', on('2026-05-01'), facts.sources);
    expect(relationAnswerReply(other, 'en', on('2026-05-01'), facts.sources)).toBe(english);
    expect(relationAnswerReply(other, 'ko', on('2026-05-01'), facts.sources)).toBe(korean);
    relationAnswerReply(other, 'en', on('2026-05-02'), facts.sources);
    relationAnswerReply(other, 'en', on('2026-05-03'), facts.sources);
    expect(relationAnswerReply(other, 'en', on('2026-05-01'), facts.sources)).toBe(english);
    relationAnswerReply(other, 'en', on('2026-05-04'), facts.sources);
    const again = relationAnswerReply(other, 'en', on('2026-05-01'), facts.sources);
    expect(again).not.toBe(english);
    expect(again).toEqual(english);
  });

  it('notes are written on top each time and never kept', () => {
    const plain = relationAnswerReply(answer, 'en', day, facts.sources);
    const noted = relationAnswerReply(answer, 'en', day, facts.sources, ['Read as Syria.']);
    expect(noted.content).toBe('Read as Syria.');
    expect(noted.embeds).toEqual(plain.embeds);
    expect(relationAnswerReply(answer, 'en', day, facts.sources)).toBe(plain);
    expect(plain.content).toBeUndefined();
  });

  it('a country with itself: private, without buttons', () => {
    const same = facts.relationBetween(country('KR'), country('KR'));
    const reply = relationAnswerReply(same, 'en', day, facts.sources);
    expect(reply.ephemeral).toBe(true);
    expect(reply.components).toBeUndefined();
  });
});
