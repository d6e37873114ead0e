// The daily post of a server: when it is due in the server's own time zone, and what it holds.
// Pure functions of settings, what was already posted, the facts and the clock.
import type { Country } from '../facts/countries.js';
import type { Facts } from '../facts/facts.js';
import type { PartialDate } from '../facts/partial-date.js';
import type { Relation } from '../facts/relations.js';
import { normalizeName } from '../facts/search.js';
import { generateQuestion } from '../quiz/generators.js';
import type { Question } from '../quiz/question.js';
import { seededRandom } from '../quiz/random.js';
import type { NewsDesk, NewsItem } from './items.js';
import { addDays, instantOf, localDay } from './local-time.js';

/** A post later than this after its minute (the bot was down) is skipped rather than sent. */
export const maxLatenessMs = 6 * 60 * 60 * 1000;

/**
 * Why posts stopped until an admin acts: the channel is gone, the bot lacks a permission there (`missing` says which,
 * when it could tell), or the forum requires a tag on every post and has none named for news.
 */
export type PauseReason = 'channel-missing' | 'missing-permissions' | 'forum-needs-tag';

/** What a post may hold. */
export type DailyTopic = 'news' | 'on-this-day' | 'fact' | 'quiz';
export const dailyTopics: readonly DailyTopic[] = ['news', 'on-this-day', 'fact', 'quiz'];
/** What a server gets unless it chose: as before topics existed. */
export const defaultTopics: readonly DailyTopic[] = ['news', 'on-this-day', 'fact'];
/** News older than this many days is not posted, unless the server chose another limit. */
export const defaultMaxAgeDays = 30;
/** At most this many preferred countries. */
export const maxPreferred = 5;

/**
 * How a post is delivered: a message in the channel; a message that opens a thread for discussion; or, in a forum
 * channel, a new forum post.
 */
export type Delivery = 'message' | 'thread' | 'forum';

/** A permission the bot needs, by the name discord-api-types gives its flag (the render layer words it). */
export type PermissionName =
  'ViewChannel' | 'SendMessages' | 'EmbedLinks' | 'CreatePublicThreads' | 'SendMessagesInThreads' | 'MentionEveryone';

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
  paused?: { reason: PauseReason; since: string; missing?: PermissionName[] };
  /** Default 'message'. */
  delivery?: Delivery;
  /** A role mentioned at the top of each post: the only mention the bot makes. Never @everyone. */
  roleId?: string;
  /** What posts may hold, in this order of preference; default defaultTopics. */
  topics?: DailyTopic[];
  /** Alpha-2 codes of countries whose news and facts go first. */
  prefer?: string[];
  /** News older than this many days is passed over; default defaultMaxAgeDays. */
  maxAgeDays?: number;
}

/** What the scheduler does with a server's settings: what to hold, whom to tell, how to deliver. */
export interface ContentChoice {
  topics: readonly DailyTopic[];
  prefer: readonly string[];
  maxAgeDays: number;
}

export function contentChoiceOf(settings: DailySettings): ContentChoice {
  return {
    topics: settings.topics?.length ? settings.topics : defaultTopics,
    prefer: settings.prefer ?? [],
    maxAgeDays: settings.maxAgeDays ?? defaultMaxAgeDays,
  };
}

/** What was already done for a server; written only after Discord confirmed a post. */
export interface DailyRecord {
  lastPostedDay?: string;
  lastPostedAt?: string;
  lastMessageId?: string;
  /** Ids of news items this server has been sent, so each goes out once. */
  sentNews: string[];
  /** The last day skipped, and why: too late (by how much), or nothing new to post with the chosen topics. */
  skipped?: { day: string; lateMinutes: number; reason?: SkipReason };
}

export type SkipReason = 'late' | 'nothing-new';

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

/**
 * The newest news item not yet sent (whatever its age); else relations established on this date in past years; else a
 * fact of the day. What a post held before servers could choose (see dailyPostContent).
 */
export function dailyContent(news: NewsDesk, facts: Facts, record: DailyRecord, day: string): DailyContent {
  const sent = new Set(record.sentNews);
  const item = news.items.find((candidate) => !sent.has(candidate.id));
  if (item) return { kind: 'news', item };
  const entries = onThisDay(facts, day, new Set());
  if (entries.length) return { kind: 'on-this-day', day, entries };
  return factOfTheDay(facts, day, new Set());
}

/** Relations established on this calendar date in earlier years: preferred countries' first, then newest first. */
function onThisDay(facts: Facts, day: string, prefer: ReadonlySet<string>) {
  const [, month, date] = day.split('-').map(Number);
  const preferred = (entry: { a: Country; b: Country }) => (concerns([entry.a, entry.b], prefer) ? 0 : 1);
  return dayPrecisionRelations(facts)
    .filter(({ date: established }) => established.month === month && established.day === date && established.iso < day)
    .sort((x, y) => preferred(x) - preferred(y) || y.date.iso.localeCompare(x.date.iso))
    .slice(0, 8)
    .map(({ a, b, date: established }) => ({ a, b, date: established }));
}

function factOfTheDay(facts: Facts, day: string, prefer: ReadonlySet<string>): DailyContent {
  const all = dayPrecisionRelations(facts);
  const preferred = prefer.size ? all.filter(({ a, b }) => concerns([a, b], prefer)) : [];
  const candidates = preferred.length ? preferred : all;
  const pick = candidates[dayHash(day) % candidates.length]!;
  return { kind: 'fact', day, a: pick.a, b: pick.b, relation: pick.relation };
}

/** A post with what it holds: the main item (news, on this day or a fact), a quiz question, or both. */
export interface DailyPostContent {
  main?: DailyContent;
  quiz?: Question;
  /** The countries the post concerns (the quiz's are left out: they would give its answer away). */
  countries: Country[];
}

const dayMs = 86_400_000;

/** Whole days from a (partial) date to a local day; a month or a year counts from its first day. */
function daysFrom(date: PartialDate, day: string): number {
  const start = Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1);
  return Math.floor((Date.parse(`${day}T00:00:00Z`) - start) / dayMs);
}

const concerns = (countries: readonly Country[], prefer: ReadonlySet<string>) =>
  countries.some((country) => prefer.has(country.code));

/**
 * What a server's post on `day` holds, by its choice of topics, preferred countries and news age limit. The main
 * item is the first of the chosen topics that has something: news not sent yet and no older than the limit (a
 * preferred country's first), then what happened on this date (preferred countries first), then a fact of the day
 * (about a preferred country when there is one). A quiz question of the day is added when chosen. Nothing at all
 * (news only, and no fresh news) means the day is skipped.
 */
export function dailyPostContent(
  news: NewsDesk,
  facts: Facts,
  record: DailyRecord,
  day: string,
  choice: ContentChoice,
): DailyPostContent {
  const prefer = new Set(choice.prefer);
  const main = mainContent(news, facts, record, day, choice, prefer);
  const quiz = choice.topics.includes('quiz') ? questionOfTheDay(facts, day) : undefined;
  const countries = main ? countriesOf(main) : [];
  return { ...(main && { main }), ...(quiz && { quiz }), countries };
}

function mainContent(
  news: NewsDesk,
  facts: Facts,
  record: DailyRecord,
  day: string,
  choice: ContentChoice,
  prefer: ReadonlySet<string>,
): DailyContent | undefined {
  for (const topic of choice.topics) {
    if (topic === 'news') {
      const sent = new Set(record.sentNews);
      const fresh = news.items.filter((item) => !sent.has(item.id) && daysFrom(item.date, day) <= choice.maxAgeDays);
      const item = fresh.find((candidate) => concerns(candidate.countries, prefer)) ?? fresh[0];
      if (item) return { kind: 'news', item };
    } else if (topic === 'on-this-day') {
      const entries = onThisDay(facts, day, prefer);
      if (entries.length) return { kind: 'on-this-day', day, entries };
    } else if (topic === 'fact') {
      return factOfTheDay(facts, day, prefer);
    }
  }
  return undefined;
}

function countriesOf(content: DailyContent): Country[] {
  const all =
    content.kind === 'news'
      ? content.item.countries
      : content.kind === 'fact'
        ? [content.a, content.b]
        : content.entries.flatMap((entry) => [entry.a, entry.b]);
  return [...new Map(all.map((country) => [country.code, country])).values()];
}

/** The same question for every server on a day, from the day alone. */
export function questionOfTheDay(facts: Facts, day: string): Question {
  return generateQuestion(facts, 'medium', seededRandom(dayHash(`quiz ${day}`)));
}

/** Names of a forum tag for news, compared without case, accents or emoji ("News", "📰 뉴스"). */
const newsTagNames = new Set(['news', '뉴스', '소식']);

/** The forum's tag for news, if it has one. */
export function newsTagOf<T extends { name: string }>(tags: readonly T[]): T | undefined {
  return tags.find((tag) => newsTagNames.has(normalizeName(tag.name)));
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
