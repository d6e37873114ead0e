// Dates in the reader's language, at the precision the fact has.
import { monthsSince, precisionOf, type PartialDate } from '../facts/partial-date.js';
import { strings, type Language } from './i18n.js';

export function formatDate(date: PartialDate, language: Language): string {
  return strings[language].date(date.year, date.month, date.day);
}

export function formatAgo(date: PartialDate, now: Date, language: Language): string {
  return strings[language].ago(monthsSince(date, now), precisionOf(date) === 'year');
}

/** The date with the right preposition in English ("on 10 April 2025", "in April 2025", "in 1974"); Korean as is. */
export function formatWhen(date: PartialDate, language: Language): string {
  const text = formatDate(date, language);
  if (language === 'ko') return text;
  return precisionOf(date) === 'day' ? `on ${text}` : `in ${text}`;
}
