// The daily post of a server: when it is due in the server's own time zone, and what it holds.
// Pure functions of settings, what was already posted, the facts and the clock.
import type { Country } from '../facts/countries.js';
import type { Facts } from '../facts/facts.js';
import type { PartialDate } from '../facts/partial-date.js';
import type { Relation } from '../facts/relations.js';
import type { NewsDesk, NewsItem } from './items.js';
import { addDays, instantOf, localDay } from './local-time.js';

/** A post later than this after its minute (the bot was down) is skipped rather than sent. */
export const maxLatenessMs = 6 * 60 * 60 * 1000;

export type PauseReason = 'channel-missing' | 'missing-permissions';

export interface DailySettings {
  channelId: string;
  /** HH:MM, 24-hour, in `timezone`. */
  time: string;
  /** An IANA zone such as Asia/Seoul, or UTC. */
  timezone: string;
  /** The language of the posts: that of the admin who set them up. */
  language?: 'en' | 'ko';
  /** The first local day with a post: a schedule set after today's minute starts tomorrow. */
  from: string;
  /** Set when a post failed for a reason retrying cannot fix; cleared by /daily set. */
  paused?: { reason: PauseReason; since: string };
}

/** What was already done for a server; written only after Discord confirmed a post. */
export interface DailyRecord {
  lastPostedDay?: string;
  lastPostedAt?: string;
  lastMessageId?: string;
  /** Ids of news items this server has been sent, so each goes out once. */
  sentNews: string[];
  /** The last day skipped for being too late, and by how much. */
  skipped?: { day: string; lateMinutes: number };
}

export type DailyAction =
  { kind: 'post'; day: string; due: Date } | { kind: 'skip'; day: string; due: Date; lateMinutes: number };

export const emptyRecord = (): DailyRecord => ({ sentNews: [] });

function handled(record: DailyRecord, day: string): boolean {
  return (
    (record.lastPostedDay !== undefined && record.lastPostedDay >= day) ||
    (record.skipped !== undefined && record.skipped.day >= day)
  );
}

/**
 * What to do now for one server. Yesterday is looked at too, so a post missed across midnight while the bot was
 * down is still sent when it is less than six hours late. At most one post is returned: one post per local day.
 */
export function dailyActions(settings: DailySettings, record: DailyRecord, now: Date): DailyAction[] {
  if (settings.paused) return [];
  const today = localDay(now, settings.timezone);
  const actions: DailyAction[] = [];
  for (const day of [addDays(today, -1), today]) {
    if (handled(record, day) || day < settings.from) continue;
    const due = instantOf(day, settings.time, settings.timezone);
    if (now < due) continue;
    const late = now.getTime() - due.getTime();
    if (late < maxLatenessMs) actions.push({ kind: 'post', day, due });
    else actions.push({ kind: 'skip', day, due, lateMinutes: Math.floor(late / 60_000) });
  }
  const post = actions.filter((action) => action.kind === 'post').at(-1);
  return [...actions.filter((action) => action.kind === 'skip'), ...(post ? [post] : [])];
}

/** The next time a post will go out, if the bot is running then. */
export function nextPostAt(settings: DailySettings, record: DailyRecord, now: Date): Date | undefined {
  if (settings.paused) return undefined;
  const pending = dailyActions(settings, record, now).find((action) => action.kind === 'post');
  if (pending) return pending.due;
  let day = localDay(now, settings.timezone);
  for (let i = 0; i < 3; i++, day = addDays(day, 1)) {
    const due = instantOf(day, settings.time, settings.timezone);
    if (due > now && !handled(record, day) && day >= settings.from) return due;
  }
  return undefined;
}

export type DailyContent =
  | { kind: 'news'; item: NewsItem }
  | { kind: 'on-this-day'; day: string; entries: { a: Country; b: Country; date: PartialDate }[] }
  | { kind: 'fact'; day: string; a: Country; b: Country; relation: Relation };

/** Relations whose first establishment is known to the day and agreed on by both lists: computed once per Facts. */
const dayPrecise = new WeakMap<Facts, { a: Country; b: Country; relation: Relation; date: PartialDate }[]>();

function dayPrecisionRelations(facts: Facts): { a: Country; b: Country; relation: Relation; date: PartialDate }[] {
  let out = dayPrecise.get(facts);
  if (out) return out;
  out = [];
  for (const { a, b, relation } of facts.allRelations()) {
    if (relation.established?.day === undefined || relation.status !== 'established') continue;
    // Where the two countries' lists give different days, neither day is sure enough to celebrate.
    if (relation.listed || relation.confidence === 'low') continue;
    out.push({ a, b, relation, date: relation.established });
  }
  dayPrecise.set(facts, out);
  return out;
}

/** A small stable hash, so the fact of the day is the same for every process and restart. */
function dayHash(day: string): number {
  let hash = 2166136261;
  for (const char of day) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return hash;
}

/** The newest news item not yet sent; else relations established on this date in past years; else a fact of the day. */
export function dailyContent(news: NewsDesk, facts: Facts, record: DailyRecord, day: string): DailyContent {
  const sent = new Set(record.sentNews);
  const item = news.items.find((candidate) => !sent.has(candidate.id));
  if (item) return { kind: 'news', item };
  const [, month, date] = day.split('-').map(Number);
  const candidates = dayPrecisionRelations(facts);
  const onThisDay = candidates
    .filter(({ date: established }) => established.month === month && established.day === date && established.iso < day)
    .sort((x, y) => y.date.iso.localeCompare(x.date.iso))
    .slice(0, 8)
    .map(({ a, b, date: established }) => ({ a, b, date: established }));
  if (onThisDay.length) return { kind: 'on-this-day', day, entries: onThisDay };
  const pick = candidates[dayHash(day) % candidates.length]!;
  return { kind: 'fact', day, a: pick.a, b: pick.b, relation: pick.relation };
}

/** The first day a new schedule posts: today if its minute is still ahead, else tomorrow. */
export function firstDay(time: string, timezone: string, now: Date): string {
  const today = localDay(now, timezone);
  return instantOf(today, time, timezone) > now ? today : addDays(today, 1);
}

/** HH:MM (or H:MM) in 24-hour time, normalised to HH:MM; undefined when not a time. */
export function parseTimeOfDay(text: string): string | undefined {
  const match = /^\s*([01]?\d|2[0-3])[:.h]([0-5]\d)\s*$/.exec(text);
  return match ? `${match[1]!.padStart(2, '0')}:${match[2]}` : undefined;
}
