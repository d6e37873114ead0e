// Replies of /daily: its status card and short confirmations. Times are Discord timestamps, which every reader
// sees in their own time zone.
import type { DailyRecord, DailySettings } from '../news/daily.js';
import { newsStrings } from './news-strings.js';
import type { Language } from './i18n.js';
import type { Reply } from './reply.js';

export function discordTime(instant: Date, style: 'F' | 'R' | 'f' = 'F'): string {
  return `<t:${Math.floor(instant.getTime() / 1000)}:${style}>`;
}

/** A moment as the full date and "in 3 hours", or a dash when there is none. */
export function discordWhen(instant: Date | undefined): string {
  return instant ? `${discordTime(instant)} (${discordTime(instant, 'R')})` : '—';
}

export function channelMention(channelId: string): string {
  return `<#${channelId}>`;
}

export function dailyStatusReply(
  settings: DailySettings | undefined,
  record: DailyRecord,
  next: Date | undefined,
  language: Language,
): Reply {
  const d = newsStrings[language].daily;
  if (!settings) return { ephemeral: true, content: d.notSet };
  const lines = [
    `**${d.channel}:** ${channelMention(settings.channelId)}`,
    `**${d.time}:** ${settings.time} (${settings.timezone})`,
    `**${d.next}:** ${discordWhen(next)}`,
    `**${d.last}:** ${record.lastPostedAt ? discordTime(new Date(record.lastPostedAt)) : d.never}`,
  ];
  if (settings.paused)
    lines.push(
      '',
      `⏸️ ${d.paused(d.reasons[settings.paused.reason], discordTime(new Date(settings.paused.since), 'f'))}`,
    );
  if (record.skipped) lines.push('', `⏭️ ${d.skipped(record.skipped.day, record.skipped.lateMinutes)}`);
  return {
    ephemeral: true,
    embeds: [{ title: d.statusTitle, description: lines.join('\n'), color: settings.paused ? 0xf9a825 : 0x2e7d32 }],
  };
}
