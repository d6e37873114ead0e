// Reading a time zone as people type it: cities, abbreviations, UTC offsets and old names, one zone or a question.
import { describe, expect, it } from 'vitest';
import { readTimeZone, searchTimeZones, timeZones } from '../../src/news/local-time.js';
import { offsetLabel, offsetZone, parseOffset } from '../../src/news/zone-input.js';

const now = new Date('2026-11-26T12:00:00Z');
const read = (typed: string) => readTimeZone(typed, now);

describe('readTimeZone', () => {
  it('reads a city, in any case, in English or Korean, as its zone', () => {
    expect(read('seoul')).toEqual({ kind: 'zone', zone: 'Asia/Seoul', as: 'city' });
    expect(read('  New York ')).toEqual({ kind: 'zone', zone: 'America/New_York', as: 'city' });
    expect(read('buenos aires')).toEqual({ kind: 'zone', zone: 'America/Argentina/Buenos_Aires', as: 'city' });
    expect(read('서울')).toEqual({ kind: 'zone', zone: 'Asia/Seoul', as: 'city' });
    expect(read('Beijing')).toEqual({ kind: 'zone', zone: 'Asia/Shanghai', as: 'city' });
    expect(read('saigon')).toEqual({ kind: 'zone', zone: 'Asia/Ho_Chi_Minh', as: 'city' });
  });

  it('reads an abbreviation that names one zone, and asks about one shared by several', () => {
    expect(read('KST')).toEqual({ kind: 'zone', zone: 'Asia/Seoul', as: 'abbreviation' });
    expect(read('jst')).toEqual({ kind: 'zone', zone: 'Asia/Tokyo', as: 'abbreviation' });
    // The runtime takes EST as America/Panama; people mean New York's clock.
    expect(read('EST')).toEqual({ kind: 'zone', zone: 'America/New_York', as: 'abbreviation' });
    expect(read('UTC')).toEqual({ kind: 'zone', zone: 'UTC' });
    expect(read('IST')).toEqual({ kind: 'ambiguous', zones: ['Asia/Kolkata', 'Europe/Dublin', 'Asia/Jerusalem'] });
    expect(read('CST').kind).toBe('ambiguous');
  });

  it('reads a whole-hour UTC offset as the fixed Etc/GMT zone, sign reversed', () => {
    expect(read('UTC+9')).toEqual({ kind: 'zone', zone: 'Etc/GMT-9', as: 'offset' });
    expect(read('gmt-3')).toEqual({ kind: 'zone', zone: 'Etc/GMT+3', as: 'offset' });
    expect(read('+09:00')).toEqual({ kind: 'zone', zone: 'Etc/GMT-9', as: 'offset' });
    expect(read('UTC+0')).toEqual({ kind: 'zone', zone: 'UTC' });
    expect(read('UTC+15')).toEqual({ kind: 'unknown' });
  });

  it('asks which place is meant for a half-hour offset, from the zones on it that day', () => {
    const reading = read('UTC+5:30');
    expect(reading.kind).toBe('ambiguous');
    expect(reading.kind === 'ambiguous' && reading.zones).toContain('Asia/Kolkata');
  });

  it('gives current IANA names for names typed in any case, and for old names', () => {
    expect(read('asia/seoul')).toEqual({ kind: 'zone', zone: 'Asia/Seoul' });
    expect(read('Asia/Kolkata')).toEqual({ kind: 'zone', zone: 'Asia/Kolkata' });
    expect(read('Asia/Calcutta')).toEqual({ kind: 'zone', zone: 'Asia/Kolkata', as: 'renamed' });
    expect(read('Europe/Kiev')).toEqual({ kind: 'zone', zone: 'Europe/Kyiv', as: 'renamed' });
  });

  it('refuses what is no zone, and empty text', () => {
    expect(read('Mars/Olympus')).toEqual({ kind: 'unknown' });
    expect(read('nowhere')).toEqual({ kind: 'unknown' });
    expect(read('   ')).toEqual({ kind: 'unknown' });
  });
});

describe('offsets', () => {
  it('parses the ways people write them, within UTC-12 to UTC+14', () => {
    expect(parseOffset('UTC+9')).toBe(540);
    expect(parseOffset('utc −3')).toBe(-180);
    expect(parseOffset('+05:45')).toBe(345);
    expect(parseOffset('UTC+9:75')).toBeUndefined();
    expect(parseOffset('-13')).toBeUndefined();
    expect(parseOffset('9')).toBeUndefined();
  });

  it('names the Etc zone and writes the offset back', () => {
    expect(offsetZone(540)).toBe('Etc/GMT-9');
    expect(offsetZone(-300)).toBe('Etc/GMT+5');
    expect(offsetZone(330)).toBeUndefined();
    expect(offsetLabel('+09:00')).toBe('UTC+9');
    expect(offsetLabel('utc-3:30')).toBe('UTC-3:30');
  });
});

describe('zone names offered', () => {
  const legacy = ['Africa/Asmera', 'Asia/Calcutta', 'Asia/Saigon', 'Europe/Kiev', 'America/Buenos_Aires'];

  it('are the current names only, each once', () => {
    const zones = timeZones();
    for (const old of legacy) expect(zones).not.toContain(old);
    expect(zones).toContain('Africa/Asmara');
    expect(zones).toContain('Europe/Kyiv');
    expect(new Set(zones).size).toBe(zones.length);
  });

  it('autocomplete offers what the text reads as first, and never an old name', () => {
    expect(searchTimeZones('KST', 25, now)[0]).toBe('Asia/Seoul');
    expect(searchTimeZones('UTC+9', 25, now)[0]).toBe('Etc/GMT-9');
    expect(searchTimeZones('asmera', 25, now)).toEqual(['Africa/Asmara']);
    expect(searchTimeZones('calcutta', 25, now)).toEqual(['Asia/Kolkata']);
    const all = ['a', 'e', 'i', 'o', 'u'].flatMap((letter) => searchTimeZones(letter, 1000, now));
    for (const old of legacy) expect(all).not.toContain(old);
  });
});
