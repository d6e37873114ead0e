// Dates in the reader's language, at the precision the fact has.
import { monthsSince, precisionOf, type PartialDate } from '../facts/partial-date.js';
import { strings, type Language } from './i18n.js';

export function formatDate(date: PartialDate, language: Language): string {
  return strings[language].date(date.year, date.month, date.day);
}

export function formatAgo(date: PartialDate, now: Date, language: Language): string {
  return strings[language].ago(monthsSince(date, now), precisionOf(date) === 'year');
}
