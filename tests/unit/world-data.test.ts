// The built data as a whole: every pair present once, the layers in the right order, sources clean, and the
// corrections this project made to what the lists say.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { staleDataFiles } from '../../src/data-tools/build.js';
import { parseCsv } from '../../src/data-tools/csv.js';
import type { Country } from '../../src/facts/countries.js';
import type { Facts } from '../../src/facts/facts.js';
import { loadFacts } from '../../src/facts/load.js';
import { compareEvents, type Relation, type RelationStatus } from '../../src/facts/relations.js';
import { dataDir } from '../../src/paths.js';

const worldRows = new Map(
  parseCsv(readFileSync(join(dataDir, 'inputs', 'world-pairs.csv'), 'utf8')).map((row) => [
    [row.a, row.b].sort().join('-'),
    row,
  ]),
);
// Loaded afresh for each test, inside it: the mutation run (TESTING.md) changes the code while a test runs, and a
// value computed once at the top of the file would never see the change.
let facts: Facts;
let all: { a: Country; b: Country; relation: Relation }[];
beforeEach(() => {
  facts = loadFacts(dataDir);
  all = [...facts.allRelations()];
});
const relation = (a: string, b: string): Relation => facts.relation(a, b)!;

describe('every pair of the 200 states', () => {
  it('is there once: each code in exactly 199 pairs, 19,900 in all', () => {
    expect(facts.countries).toHaveLength(200);
    expect(all).toHaveLength(19_900);
    for (const country of facts.countries) {
      const partners = facts.relationsOf(country).map((entry) => entry.partner.code);
      expect(partners).toHaveLength(199);
      expect(new Set(partners).size).toBe(199);
      expect(partners).not.toContain(country.code);
    }
  });

  it('is symmetric: A with B is B with A', () => {
    for (const { a, b } of all) expect(facts.relation(b.code, a.code)).toEqual(facts.relation(a.code, b.code));
  });

  it('has a status, a date as of which it holds, and sources where a list mentions the pair', () => {
    const byStatus = new Map<RelationStatus, number>();
    for (const { relation: r } of all) {
      byStatus.set(r.status, (byStatus.get(r.status) ?? 0) + 1);
      expect(r.asOf.year).toBeGreaterThanOrEqual(2025);
      if (r.status !== 'not_listed') expect(r.sources.length).toBeGreaterThan(0);
    }
    // The world table's counts (16,525 established, 2,999 not listed …) moved only where curated rows and events say so.
    expect(byStatus.get('established')).toBeGreaterThan(16_400);
    expect(byStatus.get('not_listed')).toBeGreaterThan(2_900);
    expect(byStatus.get('none')).toBeGreaterThan(150);
    expect((byStatus.get('severed') ?? 0) + (byStatus.get('suspended') ?? 0)).toBeGreaterThan(150);
  });

  it('reads the world table faithfully where nothing overrides it', () => {
    let checked = 0;
    for (const { a, b, relation: r } of all) {
      // Pairs with researched events (they carry their own sources) are the events layer's to decide.
      if (r.file !== 'data/world.json' || r.events.some((event) => event.sources)) continue;
      const row = worldRows.get([a.code, b.code].sort().join('-'))!;
      expect(r.status).toBe(row.status === 'none_listed' ? 'not_listed' : row.status);
      expect(r.established?.iso ?? '').toBe(row.established);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(19_000);
  });
});

describe('the layers', () => {
  it('curated rows win over the world table: South Korea–Guinea dates from January 1978, not 2006', () => {
    expect(worldRows.get('GN-KR')?.established).toBe('2006-08-28');
    const r = relation('KR', 'GN');
    expect(r.file).toBe('data/relations/south-korea.json');
    expect(r.established?.iso).toBe('1978-01');
    expect(r.events.map((event) => `${event.date.iso} ${event.kind}`)).toEqual([
      '1978-01 established',
      '1978 severed',
      '2006-08-28 restored',
    ]);
    expect(r.note?.en).toMatch(/annulled/);
  });

  it('keeps both lists\u2019 dates where they disagree, and rates such a pair low', () => {
    const r = relation('IL', 'IR');
    expect(r.listed?.map((date) => date?.iso)).toEqual(['1948', '1950']);
    expect(r.confidence).toBe('low');
    expect(relation('FR', 'DE').listed).toBeUndefined();
    expect(relation('FR', 'DE').confidence).toBe('medium');
  });

  it('a researched break replaces the bare year the lists give, and the newest event decides the status', () => {
    const jordan = relation('JO', 'KP');
    expect(jordan.status).toBe('severed');
    expect(jordan.events.filter((event) => event.kind === 'severed').map((event) => event.date.iso)).toEqual([
      '2018-02-01',
    ]);
    const syria = relation('SY', 'UA');
    expect(syria.status).toBe('established');
    expect(syria.events.at(-1)).toMatchObject({ kind: 'restored', date: { iso: '2025-09-24' } });
    expect(syria.established?.iso).toBe('1992-03-31');
  });

  it('a row is as current as its newest event: Bolivia–Israel as of 9 December 2025', () => {
    const r = relation('BO', 'IL');
    expect(r.status).toBe('established');
    expect(r.asOf.iso).toBe('2025-12-09');
    expect(r.events.map((event) => `${event.date.iso} ${event.kind}`)).toEqual([
      '2009-01-14 severed',
      '2019-11-28 restored',
      '2023-10-31 severed',
      '2025-12-09 restored',
    ]);
    expect(relation('KR', 'SY').asOf.iso).toBe('2025-08');
    expect(relation('FR', 'DE').asOf.iso).toBe('2025-11');
  });

  it('orders every history: by date, a tie before its break and a break before its restoration', () => {
    for (const r of facts.researchedRelations()) {
      for (let i = 1; i < r.events.length; i++)
        expect(compareEvents(r.events[i - 1]!, r.events[i]!)).toBeLessThanOrEqual(0);
    }
  });
});

describe('corrections made in November 2026', () => {
  it.each([
    ['QA', 'EG', 'restored', '2021-01-20', 'established'],
    ['KP', 'UG', 'severed', '1964-01', 'established'],
    ['KP', 'UG', 'restored', '1972-07', 'established'],
    ['PY', 'VE', 'severed', '2025-01-06', 'severed'],
    ['PA', 'VE', 'suspended', '2024-07-29', 'suspended'],
    ['US', 'VE', 'restored', '2026-03-05', 'established'],
  ] as const)('%s–%s: %s on %s, %s today', (a, b, kind, date, status) => {
    const r = relation(a, b);
    expect(r.events.some((event) => event.kind === kind && event.date.iso === date)).toBe(true);
    expect(r.status).toBe(status);
  });

  it('North Korea–South Sudan on 16 November 2011; South Korea\u2019s Kabul embassy closed on 15 August 2021', () => {
    expect(relation('KP', 'SS').established?.iso).toBe('2011-11-16');
    const afghanistan = relation('KR', 'AF');
    expect(afghanistan.status).toBe('established');
    expect(afghanistan.events.some((event) => event.date.iso === '2021-08-15')).toBe(true);
  });

  it('Bhutan: relations with 58 UN members on its own list, the newest Qatar in October 2025', () => {
    const bhutan = facts.country('BT')!;
    const withUn = facts
      .relationsOf(bhutan)
      .filter((entry) => entry.partner.unMember && entry.relation.status === 'established');
    expect(withUn).toHaveLength(58);
    expect(relation('BT', 'QA').established?.iso).toBe('2025-10-16');
  });
});

describe('sources', () => {
  const cited = () => [
    ...all.flatMap(({ relation: r }) => [...r.sources, ...r.events.flatMap((event) => event.sources ?? [])]),
    ...facts.names.former.map((name) => name.source),
  ];

  it('cite no mirror, scraper or spam domain', () => {
    const denied = [...new Set(cited())].filter((url) => facts.sources.deniedBecause(url));
    expect(denied).toEqual([]);
    // The denylist does catch what it lists, subdomains included.
    expect(facts.sources.deniedBecause('https://wikimili.com/en/Foreign_relations_of_Bhutan')).toBeDefined();
    expect(facts.sources.deniedBecause('https://en.m.wikiwand.com/x')).toBeDefined();
  });

  it('name every publisher, and label encyclopaedia articles by their title', () => {
    const unnamed = [...new Set(cited())].filter((url) => !facts.sources.publisherName(url));
    expect(unnamed).toEqual([]);
    expect(facts.sources.label('https://en.wikipedia.org/wiki/Foreign_relations_of_C%C3%B4te_d%27Ivoire', 'en')).toBe(
      "Wikipedia: Foreign relations of Côte d'Ivoire",
    );
    expect(facts.sources.label('https://ko.wikipedia.org/wiki/%EB%B6%81%ED%95%9C', 'ko')).toBe('한국어 위키백과: 북한');
    expect(facts.sources.label('https://en.yna.co.kr/view/AEN20250411000351315', 'en')).toBe('Yonhap');
  });

  it('rate high only where two publishers back the fact', () => {
    for (const r of facts.researchedRelations()) {
      if (r.confidence !== 'high') continue;
      const publishers = new Set(r.sources.map((url) => facts.sources.publisherName(url)));
      expect(publishers.size, `${r.pair.join('-')} in ${r.file}`).toBeGreaterThanOrEqual(2);
    }
  });
});

describe('the build', () => {
  it('committed world layer is what its input builds', () => {
    expect(staleDataFiles()).toEqual([]);
  });
});
