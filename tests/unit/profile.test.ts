// A country's profile from a small hand-made world: who it has relations with, the exceptions among UN members,
// the breaks, the changes newest first (an establishment counted once), and how current the statuses are.
import { describe, expect, it } from 'vitest';
import { parsePartialDate } from '../../src/facts/partial-date.js';
import { countryProfile } from '../../src/facts/profile.js';
import { event, relation, world } from './small-world.js';

const codes = (list: readonly { code: string }[]) => list.map((country) => country.code);

function sample() {
  return world(
    [
      relation('AA', 'BB', '1990-01-01', { asOf: parsePartialDate('2025-03') }),
      relation('AA', 'CC', '1991', {
        status: 'severed',
        events: [event('established', '1991'), event('severed', '2017-09-01')],
        asOf: parsePartialDate('2024-01'),
      }),
      relation('AA', 'DD', null, { status: 'not_listed' }),
      relation('AA', 'EE', '1960', {
        status: 'suspended',
        events: [event('suspended', '2011-06'), event('treaty', '2012')],
      }),
      relation('AA', 'FF', null, { status: 'none' }),
      relation('AA', 'XX', '2000-05-05', { events: [event('restored', '2020-02-02')] }),
    ],
    '2026-01',
    ['XX'],
  );
}

describe('countryProfile', () => {
  it('splits the UN members by status, and lists every partner in force (members or not)', () => {
    const facts = sample();
    const profile = countryProfile(facts, facts.country('AA')!);
    expect(profile.un.others).toBe(5);
    expect(codes(profile.un.established)).toEqual(['BB']);
    expect(codes(profile.un.notListed)).toEqual(['DD']);
    expect(profile.un.without.map((entry) => [entry.partner.code, entry.status])).toEqual([
      ['CC', 'severed'],
      ['EE', 'suspended'],
      ['FF', 'none'],
    ]);
    expect(codes(profile.partners).sort()).toEqual(['BB', 'XX']);
  });

  it('lists the breaks, severed and suspended, with when', () => {
    const facts = sample();
    const profile = countryProfile(facts, facts.country('AA')!);
    expect(profile.broken.map((entry) => [entry.partner.code, entry.status, entry.since?.iso])).toEqual([
      ['CC', 'severed', '2017-09-01'],
      ['EE', 'suspended', '2011-06'],
    ]);
  });

  it('changes: newest first, an establishment counted once, other event kinds left out, cut at the limit', () => {
    const facts = sample();
    const profile = countryProfile(facts, facts.country('AA')!, 10);
    expect(profile.recentChanges.map((change) => [change.partner.code, change.kind, change.date.iso])).toEqual([
      ['XX', 'restored', '2020-02-02'],
      ['CC', 'severed', '2017-09-01'],
      ['EE', 'suspended', '2011-06'],
      ['XX', 'established', '2000-05-05'],
      ['CC', 'established', '1991'],
      ['BB', 'established', '1990-01-01'],
      ['EE', 'established', '1960'],
    ]);
    expect(countryProfile(facts, facts.country('AA')!, 2).recentChanges).toHaveLength(2);
  });

  it('how current: the oldest and newest of its pairs’ dates, or the data’s own date when it has none', () => {
    const facts = sample();
    const profile = countryProfile(facts, facts.country('AA')!);
    expect([profile.asOf.oldest.iso, profile.asOf.newest.iso]).toEqual(['2024-01', '2026-01']);
    const alone = world([relation('BB', 'CC', '1990')], '2025-07');
    const empty = countryProfile(alone, { ...alone.country('BB')!, code: 'ZZ' });
    expect([empty.asOf.oldest.iso, empty.asOf.newest.iso]).toEqual(['2025-07', '2025-07']);
    expect(empty.un.others).toBe(0);
  });
});
