import { describe, expect, it } from 'vitest';
import { Facts } from '../../src/facts/facts.js';
import { loadFacts } from '../../src/facts/load.js';
import {
  dailyActions,
  dailyContent,
  emptyRecord,
  firstDay,
  nextPostAt,
  parseTimeOfDay,
  type DailyRecord,
  type DailySettings,
} from '../../src/news/daily.js';
import { loadNews } from '../../src/news/items.js';
import {
  canonicalZone,
  instantOf,
  isTimeZone,
  localDay,
  searchTimeZones,
  timeZones,
} from '../../src/news/local-time.js';
import { dataDir } from '../../src/paths.js';

const at = (iso: string) => new Date(iso);
const seoul: DailySettings = { channelId: '1', time: '09:00', timezone: 'Asia/Seoul', from: '2026-11-26' };

describe('when a daily post is due', () => {
  it.each([
    ['2026-11-26', '09:00', 'UTC', '2026-11-26T09:00:00.000Z'],
    ['2026-11-26', '09:00', 'Asia/Seoul', '2026-11-26T00:00:00.000Z'],
    ['2026-07-01', '09:00', 'America/New_York', '2026-07-01T13:00:00.000Z'],
    ['2026-12-01', '09:00', 'America/New_York', '2026-12-01T14:00:00.000Z'],
    ['2026-06-01', '09:00', 'Asia/Kathmandu', '2026-06-01T03:15:00.000Z'],
    // Spring forward: 02:30 does not exist that night; the post goes out at 03:30 local, an hour after 01:30.
    ['2026-03-08', '02:30', 'America/New_York', '2026-03-08T07:30:00.000Z'],
    ['2026-03-29', '02:30', 'Europe/Berlin', '2026-03-29T01:30:00.000Z'],
    // Fall back: 01:30 happens twice; the first one counts.
    ['2026-11-01', '01:30', 'America/New_York', '2026-11-01T05:30:00.000Z'],
    ['2026-10-25', '02:30', 'Europe/Berlin', '2026-10-25T00:30:00.000Z'],
    // The days either side of a change keep their own offset (the offset a day before or after is not enough).
    ['2026-03-07', '09:00', 'America/New_York', '2026-03-07T14:00:00.000Z'],
    ['2026-03-09', '09:00', 'America/New_York', '2026-03-09T13:00:00.000Z'],
    ['2026-03-09', '00:30', 'America/New_York', '2026-03-09T04:30:00.000Z'],
    ['2026-11-02', '09:00', 'America/New_York', '2026-11-02T14:00:00.000Z'],
    ['2026-03-30', '09:00', 'Europe/Berlin', '2026-03-30T07:00:00.000Z'],
    ['2026-10-26', '09:00', 'Europe/Berlin', '2026-10-26T08:00:00.000Z'],
    ['2026-04-06', '09:00', 'Australia/Sydney', '2026-04-05T23:00:00.000Z'],
    // Half-hour DST shift.
    ['2026-10-04', '02:00', 'Australia/Lord_Howe', '2026-10-03T15:30:00.000Z'],
  ])('%s %s in %s is %s', (day, time, zone, expected) => {
    expect(instantOf(day, time, zone).toISOString()).toBe(expected);
  });

  it('takes the local calendar day in the zone', () => {
    expect(localDay(at('2026-03-04T20:00:00Z'), 'Asia/Seoul')).toBe('2026-03-05');
    expect(localDay(at('2026-11-26T20:00:00Z'), 'Asia/Seoul')).toBe('2026-11-27');
    expect(localDay(at('2026-11-26T20:00:00Z'), 'America/Los_Angeles')).toBe('2026-11-26');
  });

  it('posts at the minute, once a day', () => {
    const record = emptyRecord();
    expect(dailyActions(seoul, record, at('2026-11-25T23:59:59Z'))).toEqual([]);
    const [action] = dailyActions(seoul, record, at('2026-11-26T00:00:00Z'));
    expect(action).toMatchObject({ kind: 'post', day: '2026-11-26' });
    const posted: DailyRecord = { ...record, lastPostedDay: '2026-11-26' };
    expect(dailyActions(seoul, posted, at('2026-11-26T05:00:00Z'))).toEqual([]);
    expect(dailyActions(seoul, posted, at('2026-11-27T00:00:30Z'))).toMatchObject([
      { kind: 'post', day: '2026-11-27' },
    ]);
  });

  it('sends a missed post less than six hours late, and skips one later than that', () => {
    expect(dailyActions(seoul, emptyRecord(), at('2026-11-26T05:59:00Z'))).toMatchObject([
      { kind: 'post', day: '2026-11-26' },
    ]);
    expect(dailyActions(seoul, emptyRecord(), at('2026-11-26T06:00:00Z'))).toMatchObject([
      { kind: 'skip', day: '2026-11-26', lateMinutes: 360 },
    ]);
  });

  it('sends yesterday’s post across midnight when the bot was down', () => {
    const late: DailySettings = { ...seoul, time: '23:30' };
    expect(late.from).toBe('2026-11-26');
    // 23:30 KST on the 26th is 14:30Z; at 01:00 KST on the 27th it is 1.5 h late.
    expect(dailyActions(late, emptyRecord(), at('2026-11-26T16:00:00Z'))).toMatchObject([
      { kind: 'post', day: '2026-11-26' },
    ]);
  });

  it('does nothing while paused, and nothing before the first day', () => {
    expect(
      dailyActions(
        { ...seoul, paused: { reason: 'channel-missing', since: '' } },
        emptyRecord(),
        at('2026-11-26T01:00:00Z'),
      ),
    ).toEqual([]);
    expect(
      nextPostAt(
        { ...seoul, paused: { reason: 'missing-permissions', since: '' } },
        emptyRecord(),
        at('2026-11-26T01:00:00Z'),
      ),
    ).toBeUndefined();
    const from = firstDay('09:00', 'Asia/Seoul', at('2026-11-26T01:00:00Z'));
    expect(from).toBe('2026-11-27');
    expect(dailyActions({ ...seoul, from }, emptyRecord(), at('2026-11-26T01:00:00Z'))).toEqual([]);
    expect(nextPostAt({ ...seoul, from }, emptyRecord(), at('2026-11-26T01:00:00Z'))?.toISOString()).toBe(
      '2026-11-27T00:00:00.000Z',
    );
  });

  it('reads times people type', () => {
    expect(parseTimeOfDay('9:00')).toBe('09:00');
    expect(parseTimeOfDay('18.30')).toBe('18:30');
    expect(parseTimeOfDay(' 7h05 ')).toBe('07:05');
    expect(parseTimeOfDay('24:00')).toBeUndefined();
    expect(parseTimeOfDay('noon')).toBeUndefined();
    expect(parseTimeOfDay('9:005')).toBeUndefined();
    expect(parseTimeOfDay('09:00pm')).toBeUndefined();
  });

  it('the first day of a new schedule is today while its minute is ahead, else tomorrow', () => {
    expect(firstDay('09:00', 'Asia/Seoul', at('2026-11-25T23:59:59Z'))).toBe('2026-11-26');
    expect(firstDay('09:00', 'Asia/Seoul', at('2026-11-26T00:00:00Z'))).toBe('2026-11-27');
  });

  it('the next post: one due and not yet sent is next; else the next minute not yet handled', () => {
    const now = at('2026-11-26T02:00:00Z'); // 11:00 in Seoul: today's post is 2 hours late
    expect(nextPostAt(seoul, emptyRecord(), now)?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
    const sentToday: DailyRecord = { sentNews: [], lastPostedDay: '2026-11-26' };
    expect(nextPostAt(seoul, sentToday, now)?.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    const sentTomorrowToo: DailyRecord = { sentNews: [], lastPostedDay: '2026-11-27' };
    expect(nextPostAt(seoul, sentTomorrowToo, now)?.toISOString()).toBe('2026-11-28T00:00:00.000Z');
    const skippedToday: DailyRecord = { sentNews: [], skipped: { day: '2026-11-26', lateMinutes: 400 } };
    expect(nextPostAt(seoul, skippedToday, at('2026-11-26T07:00:00Z'))?.toISOString()).toBe('2026-11-27T00:00:00.000Z');
    // Too late to send and not yet recorded as skipped: today's minute has passed, so tomorrow's is next.
    expect(nextPostAt(seoul, emptyRecord(), at('2026-11-26T07:00:00Z'))?.toISOString()).toBe(
      '2026-11-27T00:00:00.000Z',
    );
    // Before the minute, today's post is next; a schedule that starts later waits for its first day.
    expect(nextPostAt(seoul, emptyRecord(), at('2026-11-25T23:00:00Z'))?.toISOString()).toBe(
      '2026-11-26T00:00:00.000Z',
    );
    expect(nextPostAt({ ...seoul, from: '2026-11-28' }, emptyRecord(), now)?.toISOString()).toBe(
      '2026-11-28T00:00:00.000Z',
    );
    // Nothing within the next three days (today and the two after): no next post to show.
    expect(nextPostAt({ ...seoul, from: '2026-11-29' }, emptyRecord(), now)).toBeUndefined();
    expect(nextPostAt({ ...seoul, from: '2026-12-31' }, emptyRecord(), now)).toBeUndefined();
  });

  it('the next post is the one due now, not a missed one that will be skipped', () => {
    // 09:30 in Seoul on the 26th: yesterday's post (from the 25th) is a day late and skipped, today's is due.
    const now = at('2026-11-26T00:30:00Z');
    const settings = { ...seoul, from: '2026-11-25' };
    expect(dailyActions(settings, emptyRecord(), now).map((action) => action.kind)).toEqual(['skip', 'post']);
    expect(nextPostAt(settings, emptyRecord(), now)?.toISOString()).toBe('2026-11-26T00:00:00.000Z');
  });
});

describe('time zones as people type them', () => {
  it('knows real zones and UTC, listed once, UTC first', () => {
    expect(isTimeZone('Asia/Seoul')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    const zones = timeZones();
    expect(zones[0]).toBe('UTC');
    expect(zones.filter((zone) => zone === 'UTC')).toHaveLength(1);
    expect(zones).toContain('America/New_York');
  });

  it('gives the canonical name of a zone typed in any case, with spaces around', () => {
    expect(canonicalZone(' asia/seoul ')).toBe('Asia/Seoul');
    expect(canonicalZone('nowhere/at all')).toBeUndefined();
  });

  it('finds zones by words, ignoring case, spaces, slashes and underscores, at most as many as asked', () => {
    expect(searchTimeZones('NEW YORK')).toEqual(['America/New_York']);
    expect(searchTimeZones('seoul')).toEqual(['Asia/Seoul']);
    expect(searchTimeZones('america', 5)).toHaveLength(5);
    expect(searchTimeZones('america').length).toBe(25);
  });
});

describe('what a daily post holds', () => {
  const facts = loadFacts(dataDir);
  const news = loadNews(dataDir, facts);

  it('the newest news item not yet sent', () => {
    const first = dailyContent(news, facts, emptyRecord(), '2026-11-26');
    expect(first.kind === 'news' && first.item.id).toBe(news.items[0]!.id);
    const second = dailyContent(news, facts, { sentNews: [news.items[0]!.id] }, '2026-11-27');
    expect(second.kind === 'news' && second.item.id).toBe(news.items[1]!.id);
  });

  it('then relations established on this date in past years', () => {
    const allSent = { sentNews: news.items.map((item) => item.id) };
    const content = dailyContent(news, facts, allSent, '2026-04-10');
    expect(content.kind).toBe('on-this-day');
    if (content.kind !== 'on-this-day') return;
    expect(content.entries.map((entry) => [entry.a.code, entry.b.code].sort().join('-'))).toContain('KR-SY');
    for (const entry of content.entries) expect(entry.date.iso.slice(5)).toBe('04-10');
  });

  it('else a fact of the day: a relation established on a known day, the same for everyone that day', () => {
    // The world layer has an anniversary on every calendar day, so the fallback is tried on a world of six pairs.
    const pairs = [
      ['KR', 'SY'],
      ['KR', 'CU'],
      ['FR', 'DE'],
      ['US', 'CN'],
      ['JP', 'KR'],
      ['BR', 'AR'],
    ] as const;
    const small = Facts.of(
      facts.countries,
      pairs.map(([a, b]) => facts.relation(a, b)!),
      facts.asOf,
    );
    const allSent = { sentNews: news.items.map((item) => item.id) };
    const everyDay = Array.from({ length: 366 }, (_, i) =>
      new Date(Date.UTC(2028, 0, 1 + i)).toISOString().slice(0, 10),
    );
    const factDays = everyDay.filter((day) => dailyContent(news, small, allSent, day).kind === 'fact');
    // Six anniversaries at most leave 360 days for the fact of the day.
    expect(factDays.length).toBeGreaterThanOrEqual(360);
    const picks = new Set<string>();
    for (const day of factDays) {
      const content = dailyContent(news, small, allSent, day);
      if (content.kind !== 'fact') throw new Error(day);
      const relation = content.relation;
      expect(relation.status).toBe('established');
      expect(relation.established?.day).toBeDefined();
      // Nothing was established on this calendar date, or it would have been "on this day".
      expect(relation.established!.iso.slice(5)).not.toBe(day.slice(5));
      picks.add(relation.pair.join('-'));
    }
    expect(picks.size).toBeGreaterThan(1);
    // Loaded again, the pick is the same: no randomness, no process state.
    const again = Facts.of(
      facts.countries,
      pairs.map(([a, b]) => facts.relation(a, b)!),
      facts.asOf,
    );
    for (const day of factDays.slice(0, 20)) {
      const first = dailyContent(news, small, allSent, day);
      const second = dailyContent(news, again, allSent, day);
      expect(second.kind === 'fact' && second.relation.pair).toEqual(first.kind === 'fact' && first.relation.pair);
    }
  });

  it('on this day comes from the whole world, only from days both lists agree on', () => {
    const allSent = { sentNews: news.items.map((item) => item.id) };
    for (const day of ['2026-01-01', '2026-07-14', '2026-12-31', '2028-02-29']) {
      const content = dailyContent(news, facts, allSent, day);
      expect(content.kind, day).toBe('on-this-day');
      const entries = content.kind === 'on-this-day' ? content.entries : [];
      expect(entries.length, day).toBeGreaterThan(0);
      for (const entry of entries) {
        const relation = facts.relation(entry.a.code, entry.b.code)!;
        expect(relation.listed).toBeUndefined();
        expect(entry.date.iso.slice(5)).toBe(day.slice(5));
      }
    }
  });
});

describe('news items', () => {
  const facts = loadFacts(dataDir);
  const news = loadNews(dataDir, facts);

  it('holds the South Korea–Syria story with its key facts computed from the data', () => {
    const item = news.item('2025-04-10-south-korea-syria');
    expect(item?.date.iso).toBe('2025-04-10');
    const keyFacts = news.keyFacts(item!);
    const coverage = keyFacts.find((fact) => fact.kind === 'un-coverage');
    expect(coverage?.kind === 'un-coverage' && coverage.profile.un.established.length).toBe(191);
    expect(news.items.length).toBeGreaterThanOrEqual(9);
  });

  it('finds items by words of their headline, in either language', () => {
    expect(news.searchHeadlines('syria').map((item) => item.id)).toContain('2025-04-10-south-korea-syria');
    expect(news.searchHeadlines('시리아').map((item) => item.id)).toContain('2025-04-10-south-korea-syria');
  });
});
