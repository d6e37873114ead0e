// The sentences of news items, daily posts and /daily replies, in English and Korean.
import type { DailyTopic, Delivery, PermissionName } from '../news/daily.js';
import type { Language } from './i18n.js';
import { josa } from './korean.js';

export interface NewsStrings {
  keyFacts: string;
  countries: string;
  countriesHint: string;
  sources: string;
  unCoverage: (country: string, established: number, others: number, exceptions: string) => string;
  noExceptions: string;
  relationLine: (pair: string, status: string, date: string | null) => string;
  unknownPair: (pair: string) => string;
  newsFooter: (id: string) => string;
  noNews: string;
  unknownItem: (typed: string) => string;
  dailyFooter: (day: string) => string;
  onThisDayTitle: (date: string) => string;
  onThisDayLine: (year: number, pair: string) => string;
  factTitle: string;
  factLine: (a: string, b: string, date: string) => string;
  daily: {
    badTime: (typed: string) => string;
    badZone: (typed: string) => string;
    /** Text that fits several zones (IST, CET, UTC+5:30): `zones` is the list to pick from. */
    zoneAmbiguous: (typed: string, zones: string) => string;
    /** How the typed text was read, said before the confirmation when it was not the zone's own name. */
    zoneReadAs: (typed: string, zone: string) => string;
    /** A UTC offset read as a fixed Etc/GMT zone, whose name has the sign reversed. */
    zoneFromOffset: (offset: string, zone: string) => string;
    cannotPost: (channel: string, reason: string) => string;
    reasons: Record<'channel-missing' | 'missing-permissions' | 'not-text' | 'forum-needs-tag', string>;
    /** The permissions the bot lacks, already worded and joined. */
    missingNamed: (permissions: string) => string;
    /** The names Discord's settings show for each permission. */
    permission: Record<PermissionName, string>;
    /** /daily set thread:true on a forum, which opens posts anyway. */
    forumIsThreads: string;
    everyoneRole: string;
    /** A role that is not mentionable, where the bot may not mention every role: the mention will not ping. */
    roleWillNotPing: (role: string) => string;
    badPrefer: (typed: string) => string;
    tooManyPreferred: (max: number) => string;
    /** The settings besides channel and time, one line each, for the confirmation and /daily status. */
    deliveryLine: Record<Delivery, string>;
    forumTag: (tag: string) => string;
    noForumTag: string;
    roleLine: (role: string) => string;
    noRole: string;
    topicsLine: (topics: string) => string;
    topic: Record<DailyTopic, string>;
    preferLine: (countries: string) => string;
    maxAgeLine: (days: number) => string;
    /** The dated title of a forum post or thread: `title` is what the post holds. */
    threadTitle: (date: string, title: string) => string;
    quizTitle: string;
    quizAnswer: (answer: string, why: string) => string;
    concerns: string;
    historyTitle: string;
    historyEmpty: string;
    historyPosted: (day: string, link: string) => string;
    historyThreadFailed: (why: string) => string;
    historySkippedLate: (day: string, minutes: number) => string;
    historySkippedNothing: (day: string) => string;
    historyPaused: (day: string, reason: string) => string;
    historyStillPaused: (day: string, reason: string) => string;
    historyNext: (when: string) => string;
    historyPausedNow: string;
    historyOff: string;
    skippedNothingNew: (day: string) => string;
    confirmedInChannel: (time: string, zone: string) => string;
    set: (channel: string, time: string, zone: string, next: string) => string;
    off: string;
    wasOff: string;
    notSet: string;
    statusTitle: string;
    /** Above a test post: it is not the day's post. */
    testNote: (day: string) => string;
    /** Added to a test post's footer. */
    testMark: string;
    /** To the admin, once the test post is out: `next` is when the real one goes. */
    testSent: (channel: string, next: string) => string;
    channel: string;
    time: string;
    next: string;
    last: string;
    never: string;
    paused: (reason: string, since: string) => string;
    skipped: (day: string, minutes: number) => string;
  };
}

const en: NewsStrings = {
  keyFacts: 'Key facts (from the data)',
  countries: 'Countries involved',
  countriesHint: 'Ask /relations about any of them.',
  sources: 'Sources',
  unCoverage: (country, established, others, exceptions) =>
    `${country} has relations with ${established} of the ${others} other UN members. Without: ${exceptions}.`,
  noExceptions: 'none',
  relationLine: (pair, status, date) => `${pair}: ${status}${date ? `, ${date}` : ''}`,
  unknownPair: (pair) => `${pair}: no record`,
  newsFooter: (id) => `News item ${id}. Summary in our own words; see the sources.`,
  noNews: 'There is no news yet.',
  unknownItem: (typed) => `I have no news item "${typed}". Pick one from the list as you type.`,
  dailyFooter: (day) => `attache daily post · ${day}`,
  onThisDayTitle: (date) => `On this day, ${date}`,
  onThisDayLine: (year, pair) => `• ${year}: ${pair} established diplomatic relations`,
  factTitle: 'Fact of the day',
  factLine: (a, b, date) => `${a} and ${b} established diplomatic relations on ${date}.`,
  daily: {
    badTime: (typed) => `"${typed}" is not a time. Use 24-hour HH:MM, such as 09:00 or 18:30.`,
    badZone: (typed) =>
      `${typed ? `"${typed}" is not a time zone I know.` : 'You left the time zone empty.'} Type a city (Seoul), ` +
      'an abbreviation (KST), a UTC offset (UTC+9) or a zone name (Asia/Seoul), or pick one from the list.',
    zoneAmbiguous: (typed, zones) => `"${typed}" could mean more than one time zone: ${zones}. Pick the one you mean.`,
    zoneReadAs: (typed, zone) => `I read "${typed}" as the time zone ${zone}.`,
    zoneFromOffset: (offset, zone) =>
      `${offset} is the fixed zone ${zone} (zone names of this kind write the sign reversed). It never moves for ` +
      'summer time: to follow a place whose clocks change, give its city instead.',
    cannotPost: (channel, reason) => `I can't post in ${channel}: ${reason} Nothing was changed.`,
    reasons: {
      'channel-missing': 'the channel no longer exists.',
      'missing-permissions': 'I am missing the permission to send messages there.',
      'not-text': 'it is not a text, announcement or forum channel.',
      'forum-needs-tag':
        'the forum requires a tag on every post and has none named News. Add a tag named News (or 뉴스), then run /daily set again.',
    },
    missingNamed: (permissions) =>
      `I am missing the permission to do it there: ${permissions}. Grant it to me in that channel's settings.`,
    permission: {
      ViewChannel: 'View Channel',
      SendMessages: 'Send Messages (in a forum: Create Posts)',
      EmbedLinks: 'Embed Links',
      CreatePublicThreads: 'Create Public Threads',
      SendMessagesInThreads: 'Send Messages in Threads',
      MentionEveryone: 'Mention @everyone, @here and All Roles',
    },
    forumIsThreads: 'In a forum every daily post is a new forum post, so thread:true changes nothing there.',
    everyoneRole:
      'I never mention @everyone or @here. Pick a role that people join to be told about the daily post, such as @Diplomacy.',
    roleWillNotPing: (role) =>
      `${role} is not mentionable and I may not mention every role there, so its members will see the mention but not be notified. Make the role mentionable, or grant me Mention @everyone, @here and All Roles in that channel.`,
    badPrefer: (typed) =>
      `I don't know a country "${typed}". Pick countries from the list as you type, separated by commas.`,
    tooManyPreferred: (max) => `At most ${max} countries can be preferred.`,
    deliveryLine: {
      message: 'Each post is a message in the channel.',
      thread: 'Each post opens a thread for discussion.',
      forum: 'Each post is a new forum post.',
    },
    forumTag: (tag) => `Posts get the tag ${tag}.`,
    noForumTag: 'The forum has no tag named News, so posts carry none.',
    roleLine: (role) => `Mentions ${role} (no one else).`,
    noRole: 'Mentions no one.',
    topicsLine: (topics) => `Holds: ${topics}.`,
    topic: {
      news: 'news',
      'on-this-day': 'on this day',
      fact: 'fact of the day',
      quiz: 'quiz question of the day',
    },
    preferLine: (countries) => `Prefers: ${countries}.`,
    maxAgeLine: (days) => `News older than ${days} days is passed over.`,
    threadTitle: (date, title) => `${date} · ${title}`,
    quizTitle: 'Quiz question of the day',
    quizAnswer: (answer, why) => `Answer: ||${answer}. ${why}||`,
    concerns: 'Countries in this post',
    historyTitle: 'Daily post: the last 10 days',
    historyEmpty: 'Nothing to show yet: no post was due in the last 10 days.',
    historyPosted: (day, link) => `✅ ${day}: posted, ${link}`,
    historyThreadFailed: (why) => `but the thread could not be opened: ${why}`,
    historySkippedLate: (day, minutes) =>
      `⏭️ ${day}: skipped, the bot was down and the post would have been ${Math.round(minutes / 60)} h late.`,
    historySkippedNothing: (day) => `⏭️ ${day}: skipped, no news within the age limit and no other topic chosen.`,
    historyPaused: (day, reason) => `⏸️ ${day}: Discord refused the post, so it paused: ${reason}`,
    historyStillPaused: (day, reason) => `⏸️ ${day}: paused: ${reason}`,
    historyNext: (when) => `Next post: ${when}.`,
    historyPausedNow: 'No post goes out until you fix that and run /daily set again.',
    historyOff: 'The daily post is off.',
    skippedNothingNew: (day) =>
      `The post for ${day} was skipped: no news within the age limit, and no other topic was chosen.`,
    confirmedInChannel: (time, zone) => `Daily diplomatic news will be posted here every day at ${time} (${zone}).`,
    set: (channel, time, zone, next) => `The daily post goes to ${channel} at ${time} (${zone}). Next post: ${next}.`,
    off: 'The daily post is off. Use /daily set to turn it on again.',
    wasOff: 'The daily post was already off.',
    notSet: 'No daily post is set up here. Use /daily set to start one.',
    statusTitle: 'Daily post',
    testNote: (day) => `Test of the daily post for ${day}, sent by an admin. It does not count as that day's post.`,
    testMark: 'test',
    testSent: (channel, next) =>
      `Test post sent to ${channel}. It does not count as a day's post: the next real one goes out ${next}.`,
    channel: 'Channel',
    time: 'Time',
    next: 'Next post',
    last: 'Last post',
    never: 'not yet',
    paused: (reason, since) => `Paused since ${since}: ${reason} Fix it, then run /daily set again.`,
    skipped: (day, minutes) =>
      `The post for ${day} was skipped: the bot was down and it would have been ${Math.round(minutes / 60)} h late.`,
  },
};

const ko: NewsStrings = {
  keyFacts: '핵심 사실 (데이터 기준)',
  countries: '관련 국가',
  countriesHint: '각 나라의 관계는 `/관계` 명령으로 확인할 수 있습니다.',
  sources: '출처',
  unCoverage: (country, established, others, exceptions) =>
    `${josa(country, '은', '는')} 다른 유엔 회원국 ${others}개국 중 ${established}개국과 수교했습니다. 미수교: ${exceptions}.`,
  noExceptions: '없음',
  relationLine: (pair, status, date) => `${pair}: ${status}${date ? `, ${date}` : ''}`,
  unknownPair: (pair) => `${pair}: 기록 없음`,
  newsFooter: (id) => `뉴스 ${id}. 자체 작성 요약이며 자세한 내용은 출처를 보세요.`,
  noNews: '아직 뉴스가 없습니다.',
  unknownItem: (typed) => `"${typed}" 뉴스를 찾지 못했습니다. 입력할 때 나타나는 목록에서 골라 주세요.`,
  dailyFooter: (day) => `attache 일일 게시물 · ${day}`,
  onThisDayTitle: (date) => `오늘의 역사, ${date}`,
  onThisDayLine: (year, pair) => `• ${year}년: ${pair} 수교`,
  factTitle: '오늘의 사실',
  factLine: (a, b, date) => `${josa(a, '과', '와')} ${josa(b, '은', '는')} ${date}에 외교 관계를 수립했습니다.`,
  daily: {
    badTime: (typed) => `"${typed}"은(는) 올바른 시각이 아닙니다. 09:00, 18:30처럼 24시간 HH:MM 형식으로 써 주세요.`,
    badZone: (typed) =>
      `${typed ? `"${typed}"은(는) 알 수 없는 시간대입니다.` : '시간대가 비어 있습니다.'} 도시(서울), ` +
      '약어(KST), UTC 오프셋(UTC+9), 시간대 이름(Asia/Seoul) 중 하나를 쓰거나 목록에서 골라 주세요.',
    zoneAmbiguous: (typed, zones) => `"${typed}"에 해당하는 시간대가 여럿입니다: ${zones}. 이 중 하나를 골라 주세요.`,
    zoneReadAs: (typed, zone) =>
      `"${typed}"${josa(typed, '은', '는').slice(typed.length)} ${zone} 시간대로 해석했습니다.`,
    zoneFromOffset: (offset, zone) =>
      `${josa(offset, '은', '는')} 고정 시간대 ${zone}입니다. 이런 이름은 부호를 반대로 씁니다. 서머타임에 따라 바뀌지 않으니, ` +
      '시계가 바뀌는 지역을 따르려면 도시 이름을 써 주세요.',
    cannotPost: (channel, reason) => `${channel}에 게시할 수 없습니다: ${reason} 설정은 바뀌지 않았습니다.`,
    reasons: {
      'channel-missing': '채널이 더 이상 없습니다.',
      'missing-permissions': '그 채널에 메시지를 보낼 권한이 없습니다.',
      'not-text': '텍스트·공지·포럼 채널이 아닙니다.',
      'forum-needs-tag':
        '이 포럼은 모든 게시물에 태그가 필요한데 뉴스 태그가 없습니다. 뉴스(또는 News) 태그를 추가한 뒤 `/일일 설정` 명령을 다시 실행하세요.',
    },
    missingNamed: (permissions) =>
      `그 채널에서 필요한 권한이 없습니다: ${permissions}. 채널 설정에서 봇에게 권한을 주세요.`,
    permission: {
      ViewChannel: '채널 보기',
      SendMessages: '메시지 보내기 (포럼에서는 게시물 만들기)',
      EmbedLinks: '링크 첨부',
      CreatePublicThreads: '공개 스레드 만들기',
      SendMessagesInThreads: '스레드에서 메시지 보내기',
      MentionEveryone: '@everyone, @here, 모든 역할 멘션하기',
    },
    forumIsThreads: '포럼에서는 일일 게시물마다 새 포럼 게시물이 만들어지므로 thread:true는 영향이 없습니다.',
    everyoneRole:
      '@everyone이나 @here는 멘션하지 않습니다. 일일 게시물 알림을 받고 싶은 사람이 들어가는 역할(예: @외교)을 골라 주세요.',
    roleWillNotPing: (role) =>
      `역할 ${role}: 멘션할 수 없는 역할이고 그 채널에서 봇에게 모든 역할을 멘션할 권한이 없어, 멘션은 보이지만 알림은 가지 않습니다. 역할을 멘션 가능하게 바꾸거나 봇에게 '@everyone, @here, 모든 역할 멘션하기' 권한을 주세요.`,
    badPrefer: (typed) => `"${typed}" 나라를 찾지 못했습니다. 입력할 때 나타나는 목록에서 골라 쉼표로 구분해 주세요.`,
    tooManyPreferred: (max) => `우선할 나라는 ${max}개까지 고를 수 있습니다.`,
    deliveryLine: {
      message: '게시물은 채널에 메시지로 올라갑니다.',
      thread: '게시물마다 토론용 스레드가 열립니다.',
      forum: '게시물마다 새 포럼 게시물이 만들어집니다.',
    },
    forumTag: (tag) => `게시물에 ${tag} 태그를 붙입니다.`,
    noForumTag: '포럼에 뉴스 태그가 없어 태그 없이 올립니다.',
    // A role mention shows as the role's name, which the bot does not know here: no particle after it.
    roleLine: (role) => `멘션: ${role} (다른 사람은 멘션하지 않음).`,
    noRole: '아무도 멘션하지 않습니다.',
    topicsLine: (topics) => `내용: ${topics}.`,
    topic: {
      news: '뉴스',
      'on-this-day': '오늘의 역사',
      fact: '오늘의 사실',
      quiz: '오늘의 퀴즈',
    },
    preferLine: (countries) => `우선하는 나라: ${countries}.`,
    maxAgeLine: (days) => `${days}일보다 오래된 뉴스는 건너뜁니다.`,
    threadTitle: (date, title) => `${date} · ${title}`,
    quizTitle: '오늘의 퀴즈',
    quizAnswer: (answer, why) => `정답: ||${answer}. ${why}||`,
    concerns: '이 게시물의 나라',
    historyTitle: '일일 게시물: 최근 10일',
    historyEmpty: '아직 보여 줄 기록이 없습니다. 최근 10일 동안 게시할 차례가 없었습니다.',
    historyPosted: (day, link) => `✅ ${day}: 게시함, ${link}`,
    historyThreadFailed: (why) => `다만 스레드를 열지 못했습니다: ${why}`,
    historySkippedLate: (day, minutes) =>
      `⏭️ ${day}: 건너뜀. 봇이 꺼져 있어 ${Math.round(minutes / 60)}시간 늦어졌기 때문입니다.`,
    historySkippedNothing: (day) => `⏭️ ${day}: 건너뜀. 기한 안의 뉴스가 없고 다른 내용도 고르지 않았습니다.`,
    historyPaused: (day, reason) => `⏸️ ${day}: Discord가 게시를 거부해 일시 중지됨: ${reason}`,
    historyStillPaused: (day, reason) => `⏸️ ${day}: 일시 중지 중: ${reason}`,
    historyNext: (when) => `다음 게시: ${when}.`,
    historyPausedNow: '문제를 해결하고 `/일일 설정` 명령을 다시 실행할 때까지 게시하지 않습니다.',
    historyOff: '일일 게시물이 꺼져 있습니다.',
    skippedNothingNew: (day) => `${day} 게시물은 건너뛰었습니다. 기한 안의 뉴스가 없고 다른 내용도 고르지 않았습니다.`,
    confirmedInChannel: (time, zone) => `매일 ${time}(${zone})에 이 채널에 외교 뉴스를 게시합니다.`,
    set: (channel, time, zone, next) =>
      `일일 게시물은 매일 ${time}(${zone})에 ${channel}에 올라갑니다. 다음 게시: ${next}.`,
    off: '일일 게시물을 껐습니다. 다시 켜려면 `/일일 설정` 명령을 쓰세요.',
    wasOff: '일일 게시물은 이미 꺼져 있습니다.',
    notSet: '이 서버에는 일일 게시물이 설정되어 있지 않습니다. `/일일 설정` 명령으로 시작하세요.',
    statusTitle: '일일 게시물',
    testNote: (day) => `관리자가 보낸 ${day} 일일 게시물 테스트입니다. 그날의 게시물로 치지 않습니다.`,
    testMark: '테스트',
    testSent: (channel, next) =>
      `${channel}에 테스트 게시물을 보냈습니다. 하루치 게시물로 치지 않으며, 다음 정식 게시물은 ${next}에 올라갑니다.`,
    channel: '채널',
    time: '시각',
    next: '다음 게시',
    last: '마지막 게시',
    never: '아직 없음',
    paused: (reason, since) =>
      `${since}부터 일시 중지됨: ${reason} 문제를 해결한 뒤 \`/일일 설정\` 명령을 다시 실행하세요.`,
    skipped: (day, minutes) =>
      `${day} 게시물은 건너뛰었습니다. 봇이 꺼져 있어 ${Math.round(minutes / 60)}시간 늦어졌기 때문입니다.`,
  },
};

export const newsStrings: Record<Language, NewsStrings> = { en, ko };
