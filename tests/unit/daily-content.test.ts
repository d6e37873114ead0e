// What a daily post holds once every news item is sent, on small hand-made worlds: "on this day" takes only earlier
// years, newest first, and the fact of the day only relations in force whose day both lists agree on.
import { describe, expect, it } from 'vitest';
import type { Facts } from '../../src/facts/facts.js';
import { dailyContent, dailyPostContent, emptyRecord, type ContentChoice } from '../../src/news/daily.js';
import { NewsDesk } from '../../src/news/items.js';
import { parsePartialDate } from '../../src/facts/partial-date.js';
import { relation, world } from './small-world.js';

const content = (facts: Facts, day: string) => dailyContent(new NewsDesk([], facts), facts, emptyRecord(), day);

describe('on this day', () => {
  it('lists relations established on this date in earlier years only, newest first', () => {
    const facts = world([
      relation('AA', 'BB', '1950-05-09'),
      relation('AA', 'CC', '2026-05-09'),
      relation('AA', 'DD', '2020-05-09'),
      relation('AA', 'EE', '2030-05-09'),
      relation('AA', 'FF', '1990-05-10'),
    ]);
    const post = content(facts, '2026-05-09');
    expect(post.kind).toBe('on-this-day');
    expect(post.kind === 'on-this-day' && post.entries.map((entry) => entry.date.iso)).toEqual([
      '2020-05-09',
      '1950-05-09',
    ]);
  });

  it('lists at most eight, the newest', () => {
    const facts = world(
      Array.from({ length: 10 }, (_, i) => relation('AA', `B${String.fromCharCode(65 + i)}`, `${1950 + i}-05-09`)),
    );
    const post = content(facts, '2026-05-09');
    expect(post.kind === 'on-this-day' && post.entries.map((entry) => entry.date.year)).toEqual([
      1959, 1958, 1957, 1956, 1955, 1954, 1953, 1952,
    ]);
  });
});

describe('the fact of the day', () => {
  it('is only a relation in force, known to the day, that both lists agree on, at high or medium confidence', () => {
    const facts = world([
      relation('AA', 'BB', '1960-03-01'),
      relation('AA', 'CC', '1961-03-02', { status: 'severed' }),
      relation('AA', 'DD', '1962-03-03', { listed: [parsePartialDate('1962-03-03'), parsePartialDate('1962-04-01')] }),
      relation('AA', 'EE', '1963-03-04', { confidence: 'low' }),
      relation('AA', 'FF', '1964-03', { confidence: 'medium' }),
      relation('AA', 'GG', '1965-03-06', { confidence: 'medium' }),
    ]);
    const picks = new Set<string>();
    for (let day = 10; day <= 28; day++) {
      const post = content(facts, `2026-07-${day}`);
      picks.add(post.kind === 'fact' ? post.relation.pair.join('-') : post.kind);
    }
    expect([...picks].sort()).toEqual(['AA-BB', 'AA-GG']);
  });
});

describe('what a server chose (dailyPostContent)', () => {
  const facts = world([
    relation('AA', 'BB', '1950-05-09'),
    relation('CC', 'DD', '2000-05-09'),
    relation('AA', 'EE', '1960-07-01'),
    relation('CC', 'FF', '1970-08-02'),
  ]);
  const desk = new NewsDesk([], facts);
  const choice = (over: Partial<ContentChoice> = {}): ContentChoice => ({
    topics: ['news', 'on-this-day', 'fact'],
    prefer: [],
    maxAgeDays: 30,
    ...over,
  });

  it('puts preferred countries first on this day, and says which countries the post concerns', () => {
    const plain = dailyPostContent(desk, facts, emptyRecord(), '2026-05-09', choice());
    expect(plain.main?.kind === 'on-this-day' && plain.main.entries.map((e) => e.a.code)).toEqual(['CC', 'AA']);
    const preferred = dailyPostContent(desk, facts, emptyRecord(), '2026-05-09', choice({ prefer: ['BB'] }));
    expect(preferred.main?.kind === 'on-this-day' && preferred.main.entries.map((e) => e.a.code)).toEqual(['AA', 'CC']);
    expect(preferred.countries.map((c) => c.code)).toEqual(['AA', 'BB', 'CC', 'DD']);
  });

  it('takes the fact of the day about a preferred country when there is one', () => {
    for (let day = 10; day <= 20; day++) {
      const post = dailyPostContent(desk, facts, emptyRecord(), `2026-06-${day}`, choice({ prefer: ['FF'] }));
      expect(post.main?.kind === 'fact' && post.main.relation.pair.join('-')).toBe('CC-FF');
      expect(post.countries.map((c) => c.code)).toEqual(['CC', 'FF']);
    }
  });

  it('holds nothing when only news was chosen and there is none; a quiz question only when chosen', () => {
    const none = dailyPostContent(desk, facts, emptyRecord(), '2026-06-10', choice({ topics: ['news'] }));
    expect(none).toEqual({ countries: [] });
    const withoutQuiz = dailyPostContent(desk, facts, emptyRecord(), '2026-06-10', choice());
    expect(withoutQuiz.quiz).toBeUndefined();
  });
});
