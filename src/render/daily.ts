// Replies of /daily: its status card and short confirmations. Times are Discord timestamps, which every reader
// sees in their own time zone.
import type { SourceBook } from '../facts/sources.js';
import type { HistoryLine } from '../news/daily-history.js';
import {
  contentChoiceOf,
  defaultMaxAgeDays,
  type DailyPostContent,
  type DailyRecord,
  type DailySettings,
  type PauseReason,
  type PermissionName,
} from '../news/daily.js';
import type { ResolvedKeyFact } from '../news/items.js';
import type { Question } from '../quiz/question.js';
import { choiceLabel, explanationText, promptText } from './quiz.js';
import { newsStrings } from './news-strings.js';
import { dailyPost } from './news.js';
import { strings, type Language } from './i18n.js';
import { countryLabel } from './relation.js';
import { clip, limits, type Reply } from './reply.js';

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

export function roleMention(roleId: string): string {
  return `<@&${roleId}>`;
}

/** Why posts stopped, with the permissions to grant when they are known. */
export function pauseText(reason: PauseReason, missing: readonly PermissionName[] | undefined, language: Language) {
  const d = newsStrings[language].daily;
  if (reason === 'missing-permissions' && missing?.length) return d.missingNamed(permissionList(missing, language));
  return d.reasons[reason];
}

export function permissionList(missing: readonly PermissionName[], language: Language): string {
  const d = newsStrings[language].daily;
  return missing.map((name) => d.permission[name]).join(', ');
}

/** How the post is delivered, whom it mentions, what it holds: one line each. */
export function settingsLines(settings: DailySettings, language: Language, forumTag?: string): string[] {
  const d = newsStrings[language].daily;
  const choice = contentChoiceOf(settings);
  const delivery = settings.delivery ?? 'message';
  const lines = [d.deliveryLine[delivery]];
  if (delivery === 'forum' && forumTag !== undefined) lines.push(forumTag ? d.forumTag(forumTag) : d.noForumTag);
  lines.push(settings.roleId ? d.roleLine(roleMention(settings.roleId)) : d.noRole);
  lines.push(d.topicsLine(choice.topics.map((topic) => d.topic[topic]).join(', ')));
  if (choice.prefer.length) lines.push(d.preferLine(choice.prefer.join(', ')));
  if (choice.topics.includes('news') && choice.maxAgeDays !== defaultMaxAgeDays)
    lines.push(d.maxAgeLine(choice.maxAgeDays));
  return lines;
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
    '',
    ...settingsLines(settings, language),
  ];
  if (settings.paused)
    lines.push(
      '',
      `⏸️ ${d.paused(pauseText(settings.paused.reason, settings.paused.missing, language), discordTime(new Date(settings.paused.since), 'f'))}`,
    );
  if (record.skipped)
    lines.push(
      '',
      record.skipped.reason === 'nothing-new'
        ? `⏭️ ${d.skippedNothingNew(record.skipped.day)}`
        : `⏭️ ${d.skipped(record.skipped.day, record.skipped.lateMinutes)}`,
    );
  return {
    ephemeral: true,
    embeds: [{ title: d.statusTitle, description: lines.join('\n'), color: settings.paused ? 0xf9a825 : 0x2e7d32 }],
  };
}

/** The link Discord opens a message with. */
export function messageLink(guildId: string, channelId: string, messageId: string): string {
  return `https://discord.com/channels/${guildId}/${channelId}/${messageId}`;
}

/** /daily history: the last ten days, newest first, then the next post (or why there is none). */
export function dailyHistoryReply(
  guildId: string,
  settings: DailySettings | undefined,
  lines: readonly HistoryLine[],
  next: Date | undefined,
  language: Language,
): Reply {
  const d = newsStrings[language].daily;
  const text = lines.map((line) => {
    switch (line.kind) {
      case 'posted': {
        const posted = d.historyPosted(line.day, messageLink(guildId, line.channelId, line.messageId));
        if (!line.threadFailed) return posted;
        const why = line.threadFailed.missing?.length
          ? d.missingNamed(permissionList(line.threadFailed.missing, language))
          : d.reasons['missing-permissions'];
        return `${posted}, ${d.historyThreadFailed(why)}`;
      }
      case 'skipped':
        return line.reason === 'nothing-new'
          ? d.historySkippedNothing(line.day)
          : d.historySkippedLate(line.day, line.lateMinutes ?? 0);
      case 'paused':
        return d.historyPaused(line.day, pauseText(line.reason, line.missing, language));
      case 'still-paused':
        return d.historyStillPaused(line.day, pauseText(line.reason, settings?.paused?.missing, language));
    }
  });
  const footer = !settings ? d.historyOff : settings.paused ? d.historyPausedNow : d.historyNext(discordWhen(next));
  return {
    ephemeral: true,
    embeds: [
      {
        title: d.historyTitle,
        description: clip([...(text.length ? text : [d.historyEmpty]), '', footer].join('\n'), limits.description),
        color: settings?.paused ? 0xf9a825 : 0x2e7d32,
      },
    ],
  };
}

/** The daily post: its main item (with the countries it concerns) and the quiz question of the day, as chosen. */
export function dailyPostReply(
  content: DailyPostContent,
  keyFacts: ResolvedKeyFact[],
  language: Language,
  day: string,
  now: Date,
  sources: SourceBook,
): Reply {
  const n = newsStrings[language];
  const embeds = content.main ? [...(dailyPost(content.main, keyFacts, language, day, now, sources).embeds ?? [])] : [];
  const [first] = embeds;
  // A news embed names its countries already; the others say here which countries they concern.
  if (first && content.main?.kind !== 'news' && content.countries.length) {
    const names = content.countries.map((country) => countryLabel(country, language)).join(' · ');
    first.fields = [...(first.fields ?? []), { name: n.daily.concerns, value: clip(names, limits.fieldValue) }];
  }
  if (content.quiz) embeds.push({ ...quizEmbed(content.quiz, language), footer: { text: n.dailyFooter(day) } });
  // Only the last embed carries the day in its footer: the look for an earlier post matches it there.
  return { embeds: embeds.map((embed, i) => (i === embeds.length - 1 ? embed : { ...embed, footer: undefined })) };
}

function quizEmbed(question: Question, language: Language) {
  const letters = ['A', 'B', 'C', 'D'];
  const choices = question.choices.map((choice, i) => `**${letters[i]}.** ${choiceLabel(choice, language)}`);
  const answer = `${letters[question.answer]}. ${choiceLabel(question.choices[question.answer]!, language)}`;
  const d = newsStrings[language].daily;
  return {
    title: d.quizTitle,
    color: 0x6a1b9a,
    description: clip(
      [
        promptText(question, language),
        '',
        ...choices,
        '',
        d.quizAnswer(answer, explanationText(question, language)),
      ].join('\n'),
      limits.description,
    ),
  };
}

/** The name of a forum post or thread: the day in the server's language, then what the post holds. */
export function postTitle(reply: Reply, language: Language, day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  const d = newsStrings[language].daily;
  const title = reply.embeds?.[0]?.title ?? d.quizTitle;
  return clip(d.threadTitle(strings[language].date(year!, month, date), title), 100);
}
