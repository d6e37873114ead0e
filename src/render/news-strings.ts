// The sentences of news items, daily posts and /daily replies, in English and Korean.
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
    reasons: Record<'channel-missing' | 'missing-permissions' | 'not-text', string>;
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
      'not-text': 'it is not a text channel.',
    },
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
      'not-text': '텍스트 채널이 아닙니다.',
    },
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
