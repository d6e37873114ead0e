// What happened to a server's daily post, day by day: posted (where), skipped (why), paused (why). Kept for the last
// 30 days, one entry per local day, so /daily history can list the last ten and a repeat write changes nothing.
import type { DailySettings, PauseReason, PermissionName, SkipReason } from './daily.js';
import { addDays, localDay } from './local-time.js';

export type DeliveryEntry =
  | {
      kind: 'posted';
      day: string;
      at: string;
      /** Where the message is: the channel, or the forum post (a thread) that holds it. */
      channelId: string;
      messageId: string;
      /** A thread the post could not open (it still went out), and the permissions that were missing. */
      threadFailed?: { missing?: PermissionName[] };
    }
  | { kind: 'skipped'; day: string; at: string; reason: SkipReason; lateMinutes?: number }
  | { kind: 'paused'; day: string; at: string; reason: PauseReason; missing?: PermissionName[] };

/** Days of history kept in the store. */
export const keptDays = 30;
/** Days /daily history lists. */
export const shownDays = 10;

/** The history with this entry as its day's (replacing an earlier one of that day), newest first, trimmed. */
export function withEntry(history: readonly DeliveryEntry[], entry: DeliveryEntry): DeliveryEntry[] {
  const oldest = addDays(entry.day, -(keptDays - 1));
  return [entry, ...history.filter((other) => other.day !== entry.day)]
    .filter((other) => other.day >= oldest)
    .sort((x, y) => y.day.localeCompare(x.day));
}

/** One line of /daily history: a day with what happened, or a day the post was paused and nothing was tried. */
export type HistoryLine = DeliveryEntry | { kind: 'still-paused'; day: string; reason: PauseReason };

/**
 * The last `shownDays` local days, newest first, that have something to say: an entry, or, while the post is paused,
 * the days since the pause. Days before the schedule began and days with no record are left out.
 */
export function historyLines(
  settings: DailySettings | undefined,
  history: readonly DeliveryEntry[],
  now: Date,
): HistoryLine[] {
  const zone = settings?.timezone ?? 'UTC';
  const today = localDay(now, zone);
  const pausedFrom = settings?.paused && localDay(new Date(settings.paused.since), zone);
  const lines: HistoryLine[] = [];
  for (let i = 0; i < shownDays; i++) {
    const day = addDays(today, -i);
    const entry = history.find((candidate) => candidate.day === day);
    if (entry) lines.push(entry);
    else if (settings?.paused && pausedFrom !== undefined && day > pausedFrom)
      lines.push({ kind: 'still-paused', day, reason: settings.paused.reason });
  }
  return lines;
}
