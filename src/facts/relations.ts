// Relations between two countries: status, when it began, what happened since, and where that comes from.
import type { Country } from './countries.js';
import { comparePartialDates, type PartialDate } from './partial-date.js';
import type { Confidence, EventKind, LocalizedText, RelationStatus } from './schema.js';

export type { Confidence, EventKind, LocalizedText, RelationStatus };

export interface RelationEvent {
  date: PartialDate;
  kind: EventKind;
  note?: LocalizedText;
  /** Where this event comes from, when it is not the relation's own sources (the events layer). */
  sources?: readonly string[];
  /** How sure its sources make it (events layer only; others share the relation's confidence). */
  confidence?: Confidence;
}

/** A relation as stored: one per unordered pair. */
export interface Relation {
  pair: readonly [string, string];
  status: RelationStatus;
  established: PartialDate | null;
  events: readonly RelationEvent[];
  sources: readonly string[];
  confidence: Confidence;
  /** Where sources disagree, and which value was used. */
  caveat?: LocalizedText;
  /** A fact worth knowing about the pair that is no disagreement. */
  note?: LocalizedText;
  /** Where this fact lives, for error messages and contributors. */
  file: string;
  /** How current the status is: the date its layer was checked, or a later event that changed it. */
  asOf: PartialDate;
  /**
   * World layer only: the date each country's own list gives, in pair order (null where that list gives none).
   * Shown when they differ, since the first-establishment date was then picked from two that disagree.
   */
  listed?: readonly [PartialDate | null, PartialDate | null];
}

/** The answer to "what are the relations between A and B?", in the order asked. */
export type RelationAnswer =
  | { kind: 'same-country'; a: Country }
  | { kind: 'unknown'; a: Country; b: Country }
  | { kind: 'known'; a: Country; b: Country; relation: Relation; statusSince: PartialDate | null; restored: boolean };

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

const kindOrder: Record<EventKind, number> = {
  treaty: 0,
  recognized: 0,
  established: 0,
  other: 1,
  downgraded: 1,
  suspended: 1,
  severed: 1,
  restored: 2,
};

/**
 * History order: by date, and where one date only narrows the other ("1978" and "1978-01"), so that ties come
 * before their break and a break before its restoration.
 */
export function compareEvents(x: RelationEvent, y: RelationEvent): number {
  const overlap = x.date.iso.startsWith(y.date.iso) || y.date.iso.startsWith(x.date.iso);
  return overlap && x.kind !== y.kind
    ? kindOrder[x.kind] - kindOrder[y.kind] || comparePartialDates(x.date, y.date)
    : comparePartialDates(x.date, y.date);
}

/** Events that put relations in force, and events that end or pause them. */
export const establishingKinds: readonly EventKind[] = ['established', 'restored'];
export const breakingKinds: readonly EventKind[] = ['severed', 'suspended'];

/** Every date relations were put in force: the first establishment, later ones, and restorations. */
export function establishmentDates(relation: Relation): PartialDate[] {
  const dates = relation.events.filter((event) => establishingKinds.includes(event.kind)).map((event) => event.date);
  return relation.established ? [relation.established, ...dates] : dates;
}

function latest(dates: readonly PartialDate[]): PartialDate | null {
  return [...dates].sort((x, y) => comparePartialDates(y, x))[0] ?? null;
}

/** When the current status began: the latest establishment or restoration, or the latest break. */
export function statusSince(relation: Relation): PartialDate | null {
  if (relation.status === 'established') return latest(establishmentDates(relation));
  const kinds: readonly EventKind[] =
    relation.status === 'none' || relation.status === 'not_listed'
      ? []
      : relation.status === 'severed'
        ? ['severed']
        : ['suspended', 'downgraded'];
  return latest(relation.events.filter((event) => kinds.includes(event.kind)).map((event) => event.date));
}

/**
 * Relations in force again after a break (not merely established a second time, as by a successor state). A break
 * counts only if relations had been put in force before it: ties set up for the first time after an earlier rupture
 * (South Korea and Cuba in 2024, after a link Cuba ended in 1959 without ever having full relations) are a first
 * establishment, not a restoration.
 */
export function wasRestored(relation: Relation): boolean {
  const since = statusSince(relation);
  if (relation.status !== 'established' || !since) return false;
  const inForce = establishmentDates(relation);
  return relation.events.some(
    (event) =>
      (event.kind === 'restored' && event.date.iso === since.iso) ||
      (breakingKinds.includes(event.kind) &&
        comparePartialDates(event.date, since) < 0 &&
        inForce.some((date) => comparePartialDates(date, event.date) < 0)),
  );
}

/** The day the Republic of Korea and the DPRK were founded: an event before it predates that state. */
export const foundedOn: Readonly<Record<string, string>> = { KR: '1948-08-15', KP: '1948-09-09' };

/** The state in the pair (KR or KP) that did not exist yet when the event happened, if any. */
export function predates(event: RelationEvent, pair: readonly [string, string]): string | null {
  for (const code of pair) {
    const founded = foundedOn[code];
    if (founded && event.date.iso < founded.slice(0, event.date.iso.length)) return code;
  }
  return null;
}
