// Wall-clock time in an IANA time zone, without a library: Intl knows every zone's rules, DST included.
import { currentName, readZone, type ZoneReading } from './zone-input.js';

export type { ZoneReading };

export interface LocalDateTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(zone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone: zone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
    });
    formatters.set(zone, formatter);
  }
  return formatter;
}

export function isTimeZone(zone: string): boolean {
  try {
    formatterFor(zone);
    return true;
  } catch {
    return false;
  }
}

/** Every zone this runtime knows, by its current IANA name (Asia/Kolkata, not Asia/Calcutta), UTC first. */
export function timeZones(): string[] {
  return ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')].map(currentName);
}

/** The zone's current IANA name (Asia/Seoul for asia/seoul), or undefined when there is no zone of that name. */
export function canonicalZone(typed: string): string | undefined {
  const trimmed = typed.trim();
  if (!isTimeZone(trimmed)) return undefined;
  return currentName(new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone);
}

/**
 * What a user typed for a zone, read as one IANA zone: its name in any case, a city ("seoul", "서울"), a common
 * abbreviation ("KST") or a UTC offset ("UTC+9" is the fixed zone Etc/GMT-9). `now` dates the offsets used to
 * suggest zones for a half-hour offset.
 */
export function readTimeZone(typed: string, now: Date): ZoneReading {
  return readZone(typed, timeZones(), canonicalZone, (zone) => offsetMinutes(now, zone));
}

const squash = (text: string) => text.toLowerCase().replace(/[^a-z0-9+-]/g, '');

/**
 * Zones for autocomplete, by current name only: first what `readTimeZone` makes of the text ("KST", "UTC+9",
 * "서울"), then zones whose name, or former name, contains it, ignoring case, spaces, slashes and underscores.
 */
export function searchTimeZones(typed: string, limit = 25, now = new Date()): string[] {
  const reading = typed.trim() ? readTimeZone(typed, now) : { kind: 'unknown' as const };
  const read = reading.kind === 'zone' ? [reading.zone] : reading.kind === 'ambiguous' ? reading.zones : [];
  const wanted = squash(typed);
  const runtimeNames = ['UTC', ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'UTC')];
  const matching = runtimeNames
    .filter((zone) => squash(zone).includes(wanted) || squash(currentName(zone)).includes(wanted))
    .map(currentName);
  return [...new Set([...read, ...matching])].slice(0, limit);
}

export function localDateTime(instant: Date, zone: string): LocalDateTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(zone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return { year: parts.year!, month: parts.month!, day: parts.day!, hour: parts.hour!, minute: parts.minute! };
}

/** YYYY-MM-DD of the calendar day `instant` falls on in `zone`. */
export function localDay(instant: Date, zone: string): string {
  const { year, month, day } = localDateTime(instant, zone);
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function addDays(day: string, days: number): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Date(Date.UTC(year!, month! - 1, date! + days)).toISOString().slice(0, 10);
}

function offsetMinutes(instant: Date, zone: string): number {
  const local = localDateTime(instant, zone);
  const asUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  return Math.round((asUtc - Math.floor(instant.getTime() / 60_000) * 60_000) / 60_000);
}

/**
 * The instant a wall-clock time happens on a given day in a zone. A time skipped by a DST jump (02:30 on the
 * spring-forward night) happens at the same distance after the jump (03:30); a time that happens twice on the
 * fall-back night happens at its first occurrence.
 */
export function instantOf(day: string, time: string, zone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const [hour, minute] = time.split(':').map(Number);
  const wall = Date.UTC(year!, month! - 1, date, hour, minute);
  // Try the offsets in force around that wall time; keep the earliest candidate that really shows that wall time.
  const offsets = new Set([
    offsetMinutes(new Date(wall - 86_400_000), zone),
    offsetMinutes(new Date(wall + 86_400_000), zone),
  ]);
  const candidates = [...offsets]
    .map((offset) => wall - offset * 60_000)
    .filter((instant) => {
      const local = localDateTime(new Date(instant), zone);
      return Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute) === wall;
    })
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return new Date(candidates[0]);
  // In a gap: use the offset from before the jump, which lands the same distance after it.
  return new Date(wall - offsetMinutes(new Date(wall - 86_400_000), zone) * 60_000);
}
