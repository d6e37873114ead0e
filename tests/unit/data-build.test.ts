// The data build: the world table's CSV into the column layout, read back by the loader's rules.
import { describe, expect, it } from 'vitest';
import { parseCsv } from '../../src/data-tools/csv.js';
import { breakYear, buildWorldLayer, formatWorldLayer, wikipediaUrl } from '../../src/data-tools/world-layer.js';

const header = 'a,b,status,established,date_from_a,date_from_b,agreement,severed_or_suspended_note,sources';
const page = (name: string) => `enwiki:Foreign relations of ${name}`;
const csv = [
  header,
  `AA,BB,established,1950,1950,1951,conflict,,${page('Aland')}; ${page('Bland')}`,
  `CC,AA,severed,1960-05-01,1960-05-01,,one_side,"severed: ended 1970; severed 1970 on Cland's page, period ending 1980",${page('Aland')}; ${page('Cland')}`,
  `BB,CC,none_listed,,,,none,,${page('Bland')}; ${page('Cland')}`,
  `DD,AA,established,2001,,2001,one_side,,${page('Aland')}`,
  `DD,BB,established,2002,2002,,one_side,,${page('Dland')}; ${page('Bland')}`,
  `DD,CC,established,2003,2003,,one_side,,${page('Dland')}; ${page('Cland')}`,
].join('\n');

describe('CSV', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks', () => {
    expect(parseCsv('x,y\n"a, b","say ""hi""\nthere"\n')).toEqual([{ x: 'a, b', y: 'say "hi"\nthere' }]);
    expect(() => parseCsv('x,y\n1,2,3\n')).toThrow(/3 fields where the header has 2/);
    expect(() => parseCsv('x\n"open')).toThrow(/inside a quoted field/);
  });
});

describe('the world layer build', () => {
  const layer = buildWorldLayer(csv, ['CC', 'AA', 'DD', 'BB'], '2025-11');

  it('numbers pairs in code order, one status letter each, with each page by its country', () => {
    expect(layer.codes).toEqual(['AA', 'BB', 'CC', 'DD']);
    expect(layer.pairs.status).toEqual(['ESE', 'LE', 'E']);
    expect(layer.pages).toEqual({
      AA: wikipediaUrl('Foreign relations of Aland'),
      BB: 'https://en.wikipedia.org/wiki/Foreign_relations_of_Bland',
      CC: 'https://en.wikipedia.org/wiki/Foreign_relations_of_Cland',
      DD: 'https://en.wikipedia.org/wiki/Foreign_relations_of_Dland',
    });
    // AA-DD: only AA's page, the first (1); DD-BB and DD-CC: both (3).
    expect(layer.pairs.pages).toEqual(['331', '33', '3']);
  });

  it('keeps each list\u2019s date only where the two differ, and the year of a break', () => {
    const date = (index: number) => (index < 0 ? null : layer.dates[index]);
    expect(layer.pairs.established.map((line) => line.map(date))).toEqual([
      ['1950', '1960-05-01', '2001'],
      [null, '2002'],
      ['2003'],
    ]);
    expect(layer.pairs.listed_a.map((line) => line.map(date))).toEqual([['1950', null, null], [null, null], [null]]);
    expect(layer.pairs.listed_b.map((line) => line.map(date))).toEqual([['1951', null, null], [null, null], [null]]);
    expect(layer.pairs.break).toEqual([[0, 1970, 0], [0, 0], [0]]);
  });

  it('takes the year the notes give most often, the earliest on a tie', () => {
    expect(breakYear('severed: ended 1970; severed 1970 on X, period ending 1980')).toBe(1970);
    expect(breakYear("Canada's page gives a period ending 1991; former-relations list, ended 1970")).toBe(1970);
    expect(breakYear('marked suspended in both lists')).toBe(0);
  });

  it('refuses a table with a missing or doubled pair, or an unknown status', () => {
    const codes = ['AA', 'BB', 'CC', 'DD'];
    expect(() => buildWorldLayer(csv.replace(/\nBB,CC[^\n]*/, ''), codes, '2025-11')).toThrow(/no row for BB-CC/);
    expect(() => buildWorldLayer(`${csv}\nBB,AA,established,,,,none,,${page('Aland')}`, codes, '2025-11')).toThrow(
      /given twice/,
    );
    expect(() => buildWorldLayer(csv.replace('none_listed', 'friendly'), codes, '2025-11')).toThrow(
      /unknown status "friendly"/,
    );
    expect(() => buildWorldLayer(csv, ['AA', 'BB', 'CC'], '2025-11')).toThrow(/pairs outside countries.json/);
  });

  it('writes one line per first country and reads back as the same JSON', () => {
    const text = formatWorldLayer(layer);
    expect(JSON.parse(text)).toEqual(layer);
    expect(text).toContain('"status": [\n      "ESE",\n      "LE",\n      "E"\n    ]');
  });
});

describe('Wikipedia URLs', () => {
  it('are the article\u2019s own address, spaces as underscores, other characters encoded', () => {
    expect(wikipediaUrl("Foreign relations of Côte d'Ivoire")).toBe(
      "https://en.wikipedia.org/wiki/Foreign_relations_of_C%C3%B4te_d'Ivoire",
    );
    expect(wikipediaUrl('Foreign relations of São Tomé and Príncipe')).toBe(
      'https://en.wikipedia.org/wiki/Foreign_relations_of_S%C3%A3o_Tom%C3%A9_and_Pr%C3%ADncipe',
    );
  });
});
