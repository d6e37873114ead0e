// The news desk: the order of items, the look-up by id, the /news search, the key facts, and what loadNews refuses.
// The desk is built inside each test (never at the top of the file), so a mutation run sees every change to it.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { Facts } from '../../src/facts/facts.js';
import { DataError, loadFacts } from '../../src/facts/load.js';
import { parsePartialDate } from '../../src/facts/partial-date.js';
import { loadNews, NewsDesk, type NewsItem } from '../../src/news/items.js';
import type { KeyFact } from '../../src/news/schema.js';
import { dataDir } from '../../src/paths.js';

let facts: Facts;
beforeAll(() => {
  facts = loadFacts(dataDir);
});

function item(id: string, date: string, codes: string[], headline = `Headline of ${id}`, keyFacts: KeyFact[] = []) {
  return {
    id,
    date: parsePartialDate(date),
    headline: { en: headline, ko: `${id} 제목` },
    points: [],
    countries: codes.map((code) => facts.country(code)!),
    keyFacts,
    sources: [{ name: 'Agency', url: 'https://example.org/news' }],
  } satisfies NewsItem;
}

const ids = (items: readonly NewsItem[]) => items.map((entry) => entry.id);

describe('the news desk', () => {
  it('orders items newest first, a year before its months and days, and items of the same date by id', () => {
    const desk = new NewsDesk(
      [
        item('year-only', '2025', ['FR']),
        item('same-day-b', '2025-03-02', ['FR']),
        item('older', '2024-12-31', ['FR']),
        item('month-only', '2025-03', ['FR']),
        item('same-day-a', '2025-03-02', ['FR']),
        item('newest', '2025-04-01', ['FR']),
      ],
      facts,
    );
    expect(ids(desk.items)).toEqual(['newest', 'same-day-a', 'same-day-b', 'month-only', 'year-only', 'older']);
    expect(desk.latest?.id).toBe('newest');
  });

  it('has no latest item when it holds none', () => {
    expect(new NewsDesk([], facts).latest).toBeUndefined();
  });

  it('finds an item by its id, and none for an id it does not hold', () => {
    const desk = new NewsDesk([item('first', '2025-01-01', ['FR']), item('second', '2025-02-01', ['DE'])], facts);
    expect(desk.item('first')?.date.iso).toBe('2025-01-01');
    expect(desk.item('second')?.countries.map((country) => country.code)).toEqual(['DE']);
    expect(desk.item('third')).toBeUndefined();
  });

  it('gives the key facts as the data says them: a country profile, a relation between two countries', () => {
    const story = item('story', '2025-04-10', ['KR', 'SY'], 'Story', [
      { kind: 'un-coverage', country: 'KR' },
      { kind: 'relation', a: 'KR', b: 'SY' },
    ]);
    const [coverage, relation, ...rest] = new NewsDesk([story], facts).keyFacts(story);
    expect(rest).toEqual([]);
    expect(coverage?.kind === 'un-coverage' && coverage.profile.country.code).toBe('KR');
    expect(coverage?.kind === 'un-coverage' && coverage.profile.un.established.length).toBeGreaterThan(100);
    expect(relation?.kind).toBe('relation');
    const answer = relation?.kind === 'relation' ? relation.answer : undefined;
    expect(answer?.kind).toBe('known');
    expect(answer?.kind === 'known' && [answer.a.code, answer.b.code]).toEqual(['KR', 'SY']);
    expect(answer?.kind === 'known' && answer.relation.pair).toEqual(['KR', 'SY']);
  });
});

describe('searching the headlines', () => {
  function desk() {
    return new NewsDesk(
      [
        item('korea-syria', '2025-04-10', ['KR', 'SY'], 'Seoul and Damascus establish ties'),
        item('korea-cuba', '2024-02-14', ['KR', 'CU'], 'Seoul and Havana establish ties'),
        item('france-germany', '1963-01-22', ['FR', 'DE'], 'The Élysée Treaty is signed'),
      ],
      facts,
    );
  }

  it('finds words of the English and the Korean headline, in any case', () => {
    expect(ids(desk().searchHeadlines('DAMASCUS'))).toEqual(['korea-syria']);
    expect(ids(desk().searchHeadlines('korea-cuba 제목'))).toEqual(['korea-cuba']);
  });

  it("finds the item's date", () => {
    expect(ids(desk().searchHeadlines('1963'))).toEqual(['france-germany']);
    expect(ids(desk().searchHeadlines('2024-02-14'))).toEqual(['korea-cuba']);
  });

  it("finds the countries' English and Korean names and their codes", () => {
    expect(ids(desk().searchHeadlines('syria'))).toEqual(['korea-syria']);
    expect(ids(desk().searchHeadlines('쿠바'))).toEqual(['korea-cuba']);
    expect(ids(desk().searchHeadlines('de'))).toEqual(['france-germany']);
    expect(ids(desk().searchHeadlines('south korea'))).toEqual(['korea-syria', 'korea-cuba']);
  });

  it('needs every word typed, newest first', () => {
    expect(ids(desk().searchHeadlines('seoul ties'))).toEqual(['korea-syria', 'korea-cuba']);
    expect(ids(desk().searchHeadlines('seoul havana'))).toEqual(['korea-cuba']);
    expect(ids(desk().searchHeadlines('seoul élysée'))).toEqual([]);
  });

  it('gives everything, newest first, for an empty search', () => {
    expect(ids(desk().searchHeadlines(''))).toEqual(['korea-syria', 'korea-cuba', 'france-germany']);
  });

  it('gives at most as many as asked, and 25 unless asked', () => {
    expect(ids(desk().searchHeadlines('seoul', 1))).toEqual(['korea-syria']);
    const many = Array.from({ length: 30 }, (_, i) =>
      item(`day-${String(i + 1).padStart(2, '0')}`, '2025-01-01', ['FR']),
    );
    const found = new NewsDesk(many, facts).searchHeadlines('france');
    expect(found).toHaveLength(25);
    expect(found[0]?.id).toBe('day-01');
    expect(found[24]?.id).toBe('day-25');
  });
});

describe('loading data/news.json', () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
    dir = undefined;
  });

  const row = (id: string, changes: Record<string, unknown> = {}) => ({
    id,
    date: '2025-04-10',
    headline: { en: `Headline ${id}`, ko: `제목 ${id}` },
    points: [1, 2, 3].map((n) => ({ en: `Point ${n}`, ko: `요점 ${n}` })),
    countries: ['KR', 'SY'],
    key_facts: [
      { kind: 'un-coverage', country: 'KR' },
      { kind: 'relation', a: 'KR', b: 'SY' },
    ],
    sources: [{ name: 'Agency', url: 'https://example.org/news' }],
    ...changes,
  });

  function load(items: unknown[], on: Facts = facts, file: Record<string, unknown> = { description: 'News.' }) {
    dir = mkdtempSync(join(tmpdir(), 'attache-news-'));
    writeFileSync(join(dir, 'news.json'), JSON.stringify({ ...file, items }));
    return loadNews(dir, on);
  }

  it('reads every item with its date, words, countries, key facts and sources', () => {
    const desk = load([row('older-item', { date: '2024-06' }), row('newer-item')]);
    expect(ids(desk.items)).toEqual(['newer-item', 'older-item']);
    const newer = desk.item('newer-item')!;
    expect(newer.date).toEqual({ year: 2025, month: 4, day: 10, iso: '2025-04-10' });
    expect(desk.item('older-item')?.date).toEqual({ year: 2024, month: 6, iso: '2024-06' });
    expect(newer.headline).toEqual({ en: 'Headline newer-item', ko: '제목 newer-item' });
    expect(newer.points.map((point) => point.en)).toEqual(['Point 1', 'Point 2', 'Point 3']);
    expect(newer.countries.map((country) => country.name.en)).toEqual(['South Korea', 'Syria']);
    expect(newer.keyFacts).toEqual([
      { kind: 'un-coverage', country: 'KR' },
      { kind: 'relation', a: 'KR', b: 'SY' },
    ]);
    expect(newer.sources).toEqual([{ name: 'Agency', url: 'https://example.org/news' }]);
  });

  it('refuses a file without its description or list of items', () => {
    expect(() => load([], facts, {})).toThrow(DataError);
    expect(() => load([], facts, {})).toThrow(/^data\/news\.json: description/);
  });

  it('names the item, by number and id, that does not fit the schema', () => {
    const bad = () => load([row('good-item'), row('bad-item', { points: [] })]);
    expect(bad).toThrow(DataError);
    expect(bad).toThrow(/^data\/news\.json, item 2 \(bad-item\): points/);
  });

  it('names an item by number alone when it has no id or is not an object', () => {
    for (const entry of [42, null, 'text', { date: '2025' }]) {
      const error = catchError(() => load([row('good-item'), entry]));
      expect(error, JSON.stringify(entry)).toBeInstanceOf(DataError);
      expect(error.message, JSON.stringify(entry)).toMatch(/^data\/news\.json, item 2: /);
    }
  });

  it('refuses an id used twice', () => {
    const twice = () => load([row('same-id'), row('other-id'), row('same-id')]);
    expect(twice).toThrow(DataError);
    expect(twice).toThrow('data/news.json, item 3 (same-id): id same-id appears twice');
  });

  it('refuses a country code the facts do not know, in the countries or a key fact', () => {
    for (const changes of [
      { countries: ['KR', 'ZZ'] },
      { key_facts: [{ kind: 'un-coverage', country: 'ZZ' }] },
      { key_facts: [{ kind: 'relation', a: 'ZZ', b: 'KR' }] },
      { key_facts: [{ kind: 'relation', a: 'KR', b: 'ZZ' }] },
    ]) {
      const error = catchError(() => load([row('odd-item', changes)]));
      expect(error, JSON.stringify(changes)).toBeInstanceOf(DataError);
      expect(error.message).toBe('data/news.json, item 1 (odd-item): unknown country code ZZ');
    }
  });

  it('refuses a relation key fact with no relation on record', () => {
    const small = Facts.of(facts.countries, [facts.relation('KR', 'SY')!], facts.asOf);
    expect(ids(load([row('on-record')], small).items)).toEqual(['on-record']);
    for (const [a, b] of [
      ['KR', 'JP'],
      ['KR', 'KR'],
    ] as const) {
      const error = catchError(() => load([row('off-record', { key_facts: [{ kind: 'relation', a, b }] })], small));
      expect(error).toBeInstanceOf(DataError);
      expect(error.message).toBe(
        `data/news.json, item 1 (off-record): key fact ${a}–${b} has no relation in data/relations`,
      );
    }
  });
});

function catchError(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}
