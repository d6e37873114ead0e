// Relations between two countries: status, when it began, what happened since, and where that comes from.
import type { Country } from './countries.js';
import { comparePartialDates, type PartialDate } from './partial-date.js';
import type { Confidence, EventKind, LocalizedText, RelationStatus } from './schema.js';

export type { Confidence, EventKind, LocalizedText, RelationStatus };

export interface RelationEvent {
  date: PartialDate;
  kind: EventKind;
  note?: LocalizedText;
}

/** A relation as stored: one per unordered pair. */
export interface Relation {
  pair: readonly [string, string];
  status: RelationStatus;
  established: PartialDate | null;
  events: readonly RelationEvent[];
  sources: readonly string[];
  confidence: Confidence;
  caveat?: LocalizedText;
  /** Where this fact lives, for error messages and contributors. */
  file: string;
}

/** The answer to "what are the relations between A and B?", in the order asked. */
export type RelationAnswer =
  | { kind: 'same-country'; a: Country }
  | { kind: 'unknown'; a: Country; b: Country }
  | { kind: 'known'; a: Country; b: Country; relation: Relation; statusSince: PartialDate | null };

export function pairKey(a: string, b: string): string {
  return a < b ? `${a}-${b}` : `${b}-${a}`;
}

const kindsThatSet: Record<RelationStatus, readonly EventKind[]> = {
  established: ['established', 'restored'],
  severed: ['severed'],
  suspended: ['suspended', 'downgraded'],
  none: [],
};

/** When the current status began: the latest event that set it, else (for established) the first establishment. */
export function statusSince(relation: Relation): PartialDate | null {
  const kinds = kindsThatSet[relation.status];
  const setting = relation.events.filter((event) => kinds.includes(event.kind));
  const latest = setting.sort((x, y) => comparePartialDates(y.date, x.date))[0];
  if (latest) return latest.date;
  return relation.status === 'established' ? relation.established : null;
}
