// What a pair's history says about it today: since when its status holds, whether it was restored, event order.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { parsePartialDate } from '../../src/facts/partial-date.js';
import {
  compareEvents,
  pairKey,
  statusSince,
  wasRestored,
  type EventKind,
  type Relation,
  type RelationStatus,
} from '../../src/facts/relations.js';
import { dataDir } from '../../src/paths.js';

const event = (iso: string, kind: EventKind) => ({ date: parsePartialDate(iso), kind });

function relation(status: RelationStatus, established: string | null, events: [string, EventKind][]): Relation {
  return {
    pair: ['AA', 'BB'],
    status,
    established: established ? parsePartialDate(established) : null,
    events: events.map(([iso, kind]) => event(iso, kind)),
    sources: ['https://example.org/'],
    confidence: 'medium',
    file: 'test',
    asOf: parsePartialDate('2025-11'),
  };
}

describe('since when a status holds', () => {
  it('established: the latest establishment or restoration', () => {
    expect(statusSince(relation('established', '1902', []))?.iso).toBe('1902');
    expect(
      statusSince(
        relation('established', '1902', [
          ['1961-01-03', 'severed'],
          ['2015-07-20', 'restored'],
        ]),
      )?.iso,
    ).toBe('2015-07-20');
    expect(statusSince(relation('established', null, [['1990-05', 'established']]))?.iso).toBe('1990-05');
  });

  it('severed: the latest severance; suspended: the latest suspension or downgrade; none and not listed: no date', () => {
    expect(
      statusSince(
        relation('severed', '1957', [
          ['2009-01-14', 'severed'],
          ['2019-11-28', 'restored'],
          ['2023-10-31', 'severed'],
        ]),
      )?.iso,
    ).toBe('2023-10-31');
    expect(
      statusSince(
        relation('suspended', '1960', [
          ['2017-10', 'downgraded'],
          ['2019', 'suspended'],
          ['2018', 'severed'],
        ]),
      )?.iso,
    ).toBe('2019');
    expect(
      statusSince(
        relation('none', null, [
          ['1990', 'other'],
          ['1991', 'downgraded'],
          ['1992', 'suspended'],
        ]),
      ),
    ).toBeNull();
    expect(statusSince(relation('not_listed', null, [['1990', 'severed']]))).toBeNull();
    expect(statusSince(relation('severed', '1950', []))).toBeNull();
  });
});

describe('restored or not', () => {
  it('is restored when relations are in force again after a break', () => {
    expect(
      wasRestored(
        relation('established', '1902', [
          ['1961', 'severed'],
          ['2015-07-20', 'restored'],
        ]),
      ),
    ).toBe(true);
    // A break before a later establishment (a new state's ties) also counts.
    expect(
      wasRestored(
        relation('established', '1950', [
          ['1960', 'severed'],
          ['1992', 'established'],
        ]),
      ),
    ).toBe(true);
  });

  it('is not restored when ties are set up for the first time after an earlier rupture (South Korea–Cuba)', () => {
    expect(
      wasRestored(
        relation('established', '2024-02-14', [
          ['1949-07-12', 'recognized'],
          ['1959', 'severed'],
          ['2024-02-14', 'established'],
        ]),
      ),
    ).toBe(false);
  });

  it('is not restored when nothing broke, or when relations are not in force', () => {
    expect(wasRestored(relation('established', '1950', []))).toBe(false);
    expect(wasRestored(relation('established', '1950', [['1992', 'established']]))).toBe(false);
    expect(wasRestored(relation('established', '1950', [['1992', 'downgraded']]))).toBe(false);
    expect(
      wasRestored(
        relation('severed', '1950', [
          ['1960', 'severed'],
          ['1970', 'restored'],
        ]),
      ),
    ).toBe(false);
    expect(wasRestored(relation('established', null, []))).toBe(false);
    // A break after the latest establishment does not make it a restoration.
    expect(
      wasRestored(
        relation('established', '1950', [
          ['1990', 'restored'],
          ['1995', 'downgraded'],
        ]),
      ),
    ).toBe(true);
    expect(wasRestored(relation('established', '1950', [['1950', 'other']]))).toBe(false);
    // A restoration is one on the date relations stand from; a break counts only before that date.
    expect(
      wasRestored(
        relation('established', '1950', [
          ['1960', 'restored'],
          ['1970', 'established'],
        ]),
      ),
    ).toBe(false);
    expect(
      wasRestored(
        relation('established', '1950', [
          ['1970', 'established'],
          ['1980', 'severed'],
        ]),
      ),
    ).toBe(false);
    expect(
      wasRestored(
        relation('established', '1950', [
          ['1970', 'established'],
          ['1970', 'downgraded'],
        ]),
      ),
    ).toBe(false);
  });
});

describe('the order of a history', () => {
  it('orders by date, and where one date only narrows the other, ties before breaks before restorations', () => {
    const sorted = [event('1978', 'severed'), event('2006-08-28', 'restored'), event('1978-01', 'established')].sort(
      compareEvents,
    );
    expect(sorted.map((e) => `${e.date.iso} ${e.kind}`)).toEqual([
      '1978-01 established',
      '1978 severed',
      '2006-08-28 restored',
    ]);
    expect(compareEvents(event('1978-01', 'restored'), event('1978', 'severed'))).toBeGreaterThan(0);
    expect(compareEvents(event('1978', 'severed'), event('1978-01', 'restored'))).toBeLessThan(0);
    // Dates that do not overlap order by date whatever their kinds.
    expect(compareEvents(event('1977-12', 'restored'), event('1978-01', 'established'))).toBeLessThan(0);
    expect(compareEvents(event('1979', 'established'), event('1978', 'restored'))).toBeGreaterThan(0);
    // The same kind on overlapping dates: the less precise first.
    expect(compareEvents(event('1978', 'severed'), event('1978-05', 'severed'))).toBeLessThan(0);
  });

  it('has no pair for a country with itself or an unknown code', () => {
    const facts = loadFacts(dataDir);
    expect(facts.relation('KR', 'KR')).toBeUndefined();
    expect(facts.relation('ZZ', 'KR')).toBeUndefined();
    expect(facts.relation('KR', 'ZZ')).toBeUndefined();
    // The world layer adds the lists' break year only to broken pairs, never to one in force.
    expect(facts.relation('FR', 'DE')!.events).toEqual([]);
    expect(facts.relation('FR', 'NE')!.events.map((e) => `${e.date.iso} ${e.kind}`)).toEqual(['2023 severed']);
  });

  it('names a pair the same way whichever country comes first', () => {
    expect(pairKey('KR', 'SY')).toBe('KR-SY');
    expect(pairKey('SY', 'KR')).toBe('KR-SY');
  });
});

describe('the events layer over curated rows', () => {
  let copy: string | undefined;
  afterEach(() => copy && rmSync(copy, { recursive: true, force: true }));

  function withEvents(add: object[]): ReturnType<typeof loadFacts> {
    copy = mkdtempSync(join(tmpdir(), 'attache-events-'));
    cpSync(dataDir, copy, { recursive: true });
    const path = join(copy, 'events.json');
    const json = JSON.parse(readFileSync(path, 'utf8')) as { events: object[] };
    json.events.push(...add);
    writeFileSync(path, JSON.stringify(json));
    return loadFacts(copy);
  }
  const researched = (a: string, b: string, date: string, kind: string) => ({
    a,
    b,
    date,
    kind,
    sources: ['https://www.reuters.com/world/example'],
    confidence: 'medium',
  });

  it('an older researched break does not undo a curated row\u2019s later events', () => {
    const facts = withEvents([researched('KR', 'AF', '1975', 'severed')]);
    const r = facts.relation('KR', 'AF')!;
    expect(r.status).toBe('established');
    expect(r.events.map((e) => `${e.date.iso} ${e.kind}`)).toContain('1975 severed');
    expect(r.asOf.iso).toBe('2025-08');
  });

  it('a newer researched break changes the status, dates the row, and replaces the lists\u2019 bare break year', () => {
    const facts = withEvents([
      researched('KR', 'AF', '2026-06-01', 'severed'),
      researched('CY', 'TR', '1974-07', 'suspended'),
    ]);
    const r = facts.relation('KR', 'AF')!;
    expect(r.status).toBe('severed');
    expect(r.asOf.iso).toBe('2026-06-01');
    const cyprus = facts.relation('CY', 'TR')!;
    expect(cyprus.events.map((e) => `${e.date.iso} ${e.kind}`)).toEqual(['1974-07 suspended']);
  });

  it('orders researched events before deciding, and a break on the day of the row\u2019s newest event decides', () => {
    const facts = withEvents([
      researched('KR', 'AF', '2021-08-15', 'severed'),
      researched('IL', 'IR', '2027', 'restored'),
      researched('IL', 'IR', '2026', 'severed'),
    ]);
    expect(facts.relation('KR', 'AF')!.status).toBe('severed');
    expect(facts.relation('IL', 'IR')!.status).toBe('established');
  });

  it('a researched event replaces the row\u2019s own of the same kind and year, and keeps its note and confidence', () => {
    const facts = withEvents([
      { ...researched('KR', 'AF', '1978', 'severed'), note: { en: 'Checked again.' }, confidence: 'high' },
    ]);
    const severances = facts.relation('KR', 'AF')!.events.filter((e) => e.kind === 'severed');
    expect(severances.map((e) => e.date.iso)).toEqual(['1978']);
    expect(severances[0]?.note?.en).toBe('Checked again.');
    expect(severances[0]?.confidence).toBe('high');
  });

  it('a downgrade adds to the history without changing the status; a first establishment fills a missing date', () => {
    const facts = withEvents([
      researched('FR', 'DE', '2026-01', 'downgraded'),
      researched('CK', 'NU', '2026-01', 'downgraded'),
      researched('CK', 'NU', '2026-02-03', 'established'),
    ]);
    expect(facts.relation('FR', 'DE')!.status).toBe('established');
    expect(facts.relation('FR', 'DE')!.events.map((e) => e.kind)).toEqual(['downgraded']);
    const niue = facts.relation('CK', 'NU')!;
    expect(niue.status).toBe('established');
    expect(niue.established?.iso).toBe('2026-02-03');
  });
});
