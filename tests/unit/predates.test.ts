// Which Korea did not exist yet when an event happened: the label on treaties of the Joseon and Korean Empire years,
// and never on a treaty of either Korea itself. Dates keep their precision: a year or month that contains the
// founding day is not "before" it.
import { describe, expect, it } from 'vitest';
import { predates, wasRestored } from '../../src/facts/relations.js';
import { event, relation } from './small-world.js';

describe('predates', () => {
  it.each([
    ['1882-05-22', ['KR', 'US'], 'KR'],
    ['1948-08-14', ['KR', 'US'], 'KR'],
    ['1948-08-15', ['KR', 'US'], null],
    ['1948-08', ['KR', 'US'], null], // the month of the founding: not before it
    ['1948-07', ['KR', 'US'], 'KR'],
    ['1948', ['KR', 'US'], null],
    ['1947', ['US', 'KR'], 'KR'],
    ['1965-06-22', ['JP', 'KR'], null],
    ['1948-09-08', ['KP', 'RU'], 'KP'],
    ['1948-09-09', ['KP', 'RU'], null],
    ['2024-06-19', ['KP', 'RU'], null],
    ['1900', ['FR', 'GB'], null],
  ] as const)('%s between %j: %s', (date, pair, expected) => {
    expect(predates(event('treaty', date), pair)).toBe(expected);
  });
});

describe('restored, at the edges', () => {
  it('a break on the very day of the first establishment does not make a later one a restoration', () => {
    const sameDay = relation('AA', 'BB', '2000-01-01', {
      events: [event('established', '2000-01-01'), event('severed', '2000-01-01'), event('established', '2010-01-01')],
    });
    expect(wasRestored(sameDay)).toBe(false);
  });

  it('relations not in force are never "restored"', () => {
    const severed = relation('AA', 'BB', '1990', {
      status: 'severed',
      events: [event('established', '1990'), event('severed', '2000'), event('restored', '2005')],
    });
    expect(wasRestored(severed)).toBe(false);
  });
});
