// Dates as precise as the sources: a year, a month or a day. Never widened into a made-up day.

export interface PartialDate {
  year: number;
  month?: number;
  day?: number;
  /** The original text, YYYY, YYYY-MM or YYYY-MM-DD. */
  iso: string;
}

export type Precision = 'year' | 'month' | 'day';

export function parsePartialDate(iso: string): PartialDate {
  const [year, month, day] = iso.split('-').map(Number);
  return { year: year!, ...(month !== undefined && { month }), ...(day !== undefined && { day }), iso };
}

export function precisionOf(date: PartialDate): Precision {
  return date.day !== undefined ? 'day' : date.month !== undefined ? 'month' : 'year';
}

/** Orders by the earliest moment each date could mean; a year sorts before its months and days. */
export function comparePartialDates(a: PartialDate, b: PartialDate): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

/** Whole months from a date to `now`, counted at the date's own precision (a year-only date counts from 1 July). */
export function monthsSince(date: PartialDate, now: Date): number {
  const month = date.month ?? 7;
  const day = date.day ?? 1;
  let months = (now.getUTCFullYear() - date.year) * 12 + (now.getUTCMonth() + 1 - month);
  if (now.getUTCDate() < day) months -= 1;
  return months;
}
