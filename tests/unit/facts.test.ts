import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataError, loadFacts } from '../../src/facts/load.js';
import { comparePartialDates, monthsSince, parsePartialDate, precisionOf } from '../../src/facts/partial-date.js';
import { countryProfile } from '../../src/facts/profile.js';
import { dataDir } from '../../src/paths.js';

// Loaded for each test, inside it, so that the mutation run sees its changes to the loader (see TESTING.md).
let facts: ReturnType<typeof loadFacts>;
beforeEach(() => {
  facts = loadFacts(dataDir);
});
const country = (code: string) => facts.country(code)!;

describe('relations between two countries', () => {
  it('knows South Korea and Syria established relations on 2025-04-10, from either side', () => {
    const forward = facts.relationBetween(country('KR'), country('SY'));
    const backward = facts.relationBetween(country('SY'), country('KR'));
    expect(forward.kind).toBe('known');
    expect(backward.kind).toBe('known');
    if (forward.kind !== 'known' || backward.kind !== 'known') return;
    expect(forward.relation).toBe(backward.relation);
    expect(forward.relation.status).toBe('established');
    expect(forward.statusSince?.iso).toBe('2025-04-10');
    expect(forward.relation.sources.length).toBeGreaterThan(0);
  });

  it('dates the Malaysia–North Korea severance to 2021-03-19', () => {
    const answer = facts.relationBetween(country('MY'), country('KP'));
    expect(answer.kind === 'known' && answer.relation.status).toBe('severed');
    expect(answer.kind === 'known' && answer.statusSince?.iso).toBe('2021-03-19');
  });

  it('knows every pair, France–Brazil included, from the world layer', () => {
    const answer = facts.relationBetween(country('FR'), country('BR'));
    expect(answer.kind).toBe('known');
    expect(answer.kind === 'known' && answer.relation.file).toBe('data/world.json');
  });

  it('treats a country paired with itself as its own case', () => {
    expect(facts.relationBetween(country('KR'), country('KOR')).kind).toBe('same-country');
  });
});

describe('country profiles, computed from the data', () => {
  it('South Korea: 191 of 192 UN members, North Korea the exception, Syria/Cuba/Niue the latest', () => {
    const profile = countryProfile(facts, country('KR'));
    expect(profile.un.others).toBe(192);
    expect(profile.un.established).toHaveLength(191);
    expect(profile.un.without.map((entry) => entry.partner.code)).toEqual(['KP']);
    expect(profile.un.notListed).toHaveLength(0);
    expect(profile.recentChanges.slice(0, 3).map((change) => [change.partner.code, change.date.iso])).toEqual([
      ['SY', '2025-04-10'],
      ['CU', '2024-02-14'],
      ['NU', '2023-05-29'],
    ]);
  });

  it('North Korea: 160 partners and its severed relations', () => {
    const profile = countryProfile(facts, country('KP'));
    expect(profile.partners).toHaveLength(160);
    expect(profile.broken.map((entry) => entry.partner.code)).toContain('MY');
    expect(profile.un.notListed).toHaveLength(0);
  });
});

describe('partial dates keep their precision', () => {
  it('parses and orders year, month and day dates', () => {
    expect(precisionOf(parsePartialDate('1970'))).toBe('year');
    expect(precisionOf(parsePartialDate('1970-08'))).toBe('month');
    expect(precisionOf(parsePartialDate('1970-08-03'))).toBe('day');
    expect(comparePartialDates(parsePartialDate('1970'), parsePartialDate('1970-01-01'))).toBeLessThan(0);
  });

  it('counts whole months to now', () => {
    expect(monthsSince(parsePartialDate('2025-04-10'), new Date('2026-11-26T00:00:00Z'))).toBe(19);
    expect(monthsSince(parsePartialDate('2025-04-10'), new Date('2025-05-09T00:00:00Z'))).toBe(0);
  });
});

describe('data validation at start-up', () => {
  let copy: string | undefined;
  afterEach(() => copy && rmSync(copy, { recursive: true, force: true }));

  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each test edits its own file's shape
  function brokenCopy(file: string, change: (json: any) => void): string {
    copy = mkdtempSync(join(tmpdir(), 'attache-data-'));
    cpSync(dataDir, copy, { recursive: true });
    const path = join(copy, file);
    const json = JSON.parse(readFileSync(path, 'utf8'));
    change(json);
    writeFileSync(path, JSON.stringify(json));
    return copy;
  }

  it('names the file and row of an invalid date', () => {
    const dir = brokenCopy('relations/south-korea.json', (json) => {
      json.relations[2]!.established = '1990-02-30';
    });
    expect(() => loadFacts(dir)).toThrow(DataError);
    expect(() => loadFacts(dir)).toThrow(
      /data\/relations\/south-korea\.json, row 3 \(KR–\w\w\): established: not a real calendar date/,
    );
  });

  it('refuses a fact without a source', () => {
    const dir = brokenCopy('relations/notable-pairs.json', (json) => {
      json.relations[0]!.sources = [];
    });
    expect(() => loadFacts(dir)).toThrow(/notable-pairs\.json, row 1 .*sources/);
  });

  it('refuses a pair given twice and an unknown code', () => {
    const twice = brokenCopy('relations/notable-pairs.json', (json) => {
      json.relations.push({ ...json.relations[0]! });
    });
    expect(() => loadFacts(twice)).toThrow(/already given/);
    rmSync(twice, { recursive: true });
    const unknown = brokenCopy('relations/notable-pairs.json', (json) => {
      json.relations[0]!.b = 'ZZ';
    });
    expect(() => loadFacts(unknown)).toThrow(/unknown country code ZZ/);
  });

  it('checks every value of the world layer and names the pair', () => {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- edits to world.json's columns
    const cases: [(json: any) => void, RegExp][] = [
      [
        (json) => {
          json.pairs.status[0] = `X${json.pairs.status[0].slice(1)}`;
        },
        /world\.json, pair AD–AE: unknown status letter X/,
      ],
      [
        (json) => {
          json.pairs.status[1] = json.pairs.status[1].slice(1);
        },
        /world\.json, line 2 of a column \(AE\): expected 198 values/,
      ],
      [
        (json) => {
          json.pairs.established[0][1] = json.dates.length;
        },
        /world\.json, pair AD–AF: a date index outside dates/,
      ],
      [
        (json) => {
          json.pairs.listed_b[3][0] = -2;
        },
        /world\.json, pair AG–\w\w: a date index outside dates/,
      ],
      [
        (json) => {
          json.pairs.pages[0] = `7${json.pairs.pages[0].slice(1)}`;
        },
        /pair AD–AE: pages must be 0, 1, 2 or 3/,
      ],
      [
        (json) => {
          json.pairs.break[0][0] = 1.5;
        },
        /pair AD–AE: the year of a break must be a year or 0/,
      ],
      [
        (json) => {
          json.dates[0] = '2001-02-29';
        },
        /world\.json, dates\[0\]: not a YYYY, YYYY-MM or YYYY-MM-DD date/,
      ],
      [
        (json) => {
          json.codes.pop();
        },
        /codes must be the 200 codes of data\/countries\.json/,
      ],
      [
        (json) => {
          json.pages.ZZ = 'https://example.org/';
        },
        /pages: ZZ is not a code/,
      ],
    ];
    for (const [change, message] of cases) {
      const dir = brokenCopy('world.json', change);
      expect(() => loadFacts(dir)).toThrow(message);
      rmSync(dir, { recursive: true });
      copy = undefined;
    }
  });

  it('checks the events layer and the names file', () => {
    const badEvent = brokenCopy('events.json', (json) => {
      json.events[0].kind = 'befriended';
    });
    expect(() => loadFacts(badEvent)).toThrow(/events\.json, event 1 \(\w\w–\w\w\): kind/);
    rmSync(badEvent, { recursive: true });
    const selfEvent = brokenCopy('events.json', (json) => {
      json.events[0].b = json.events[0].a;
    });
    expect(() => loadFacts(selfEvent)).toThrow(/cannot have relations with itself/);
    rmSync(selfEvent, { recursive: true });
    const badName = brokenCopy('names.json', (json) => {
      json.former[0].now = ['RU', 'UA'];
    });
    expect(() => loadFacts(badName)).toThrow(
      /names\.json, former name 1 \(USSR\): a successor name points to one state/,
    );
    rmSync(badName, { recursive: true });
    const badDenylist = brokenCopy('sources.json', (json) => {
      json.denylist.push({ domain: 'Not A Domain', why: 'x' });
    });
    expect(() => loadFacts(badDenylist)).toThrow(/sources\.json: denylist/);
    copy = badDenylist;
  });

  it('names a missing file', () => {
    copy = mkdtempSync(join(tmpdir(), 'attache-data-'));
    expect(() => loadFacts(copy!)).toThrow(/data\/countries\.json: cannot be read/);
  });
});
