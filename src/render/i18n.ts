// Every sentence a user reads, in English and Korean. Discord locales starting with "ko" get Korean.
import type { Language } from '../facts/countries.js';
import { josa } from './korean.js';
import type { Confidence, EventKind, RelationStatus } from '../facts/relations.js';

export type { Language };

export function languageOf(discordLocale: string | null | undefined): Language {
  return discordLocale?.startsWith('ko') ? 'ko' : 'en';
}

const monthNames = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

export interface Strings {
  date: (year: number, month?: number, day?: number) => string;
  ago: (months: number, yearOnly: boolean) => string;
  pairTitle: (a: string, b: string) => string;
  /** `when` is the date with its preposition ("on 10 April 2025", "in 1974"); in Korean just the date. */
  statusSentence: (status: RelationStatus, when: string | null, ago: string | null) => string;
  firstEstablished: (when: string) => string;
  /**
   * The two countries' own lists give different dates; `differ` is 'year' when even the years differ. `a` and `b`
   * are whose lists they are ("Japan's", "the United States'"; in Korean the names).
   */
  listsDisagree: (a: string, aDate: string, b: string, bDate: string, differ: 'year' | 'day') => string;
  /** Neither list mentions the other: never to be read as "no relations". */
  notListedNote: string;
  /** An answer given for a former name: "USSR: answered for Russia, its successor". */
  /** `until`: the date alone; `ended`: with its preposition in English ("on 26 December 1991"). */
  formerNameNote(
    typed: string,
    label: string,
    now: string,
    kind: 'renamed' | 'successor',
    until: string,
    ended: string,
  ): string;
  /** `successors`: how many states it became (one: it joined that state). */
  dissolved: (label: string, until: string, successors: number) => string;
  statusAsOf: (asOf: string) => string;
  /** A world-layer pair nobody researched: its history beyond the lists' dates is unknown, not clean. */
  historyUnknown: string;
  breakUndated: string;
  restoredSentence: (when: string, ago: string) => string;
  noRecord: (a: string, b: string) => string;
  noRecordHint: string;
  sameCountry: (name: string) => string;
  eventKind: Record<EventKind, string>;
  /** After an event's kind when it happened before one of the pair (KR or KP) was founded. */
  beforeFounding: (code: string) => string;
  statusWord: Record<RelationStatus, string>;
  confidence: Record<Confidence, string>;
  field: {
    history: string;
    sources: string;
    confidence: string;
    caveat: string;
    note: string;
    more: (count: number) => string;
  };
  footerAsOf: (asOf: string) => string;
  footerAsOfRange: (oldest: string, newest: string) => string;
  profileTitle: (name: string) => string;
  /** After the profile's as-of line: where the sources behind its counts are shown. */
  profileSources: string;
  profileUnMembers: (established: number, others: number, notListed: number) => string;
  profileFields: {
    withoutUn: string;
    notListedUn: string;
    recent: string;
    partners: string;
    broken: string;
    none: string;
  };
  partnersCount: (count: number, unCount: number) => string;
  countryNotFound: (text: string) => string;
  /** Nothing (or only spaces) was typed where a country was wanted. */
  countryEmpty: string;
  countryAmbiguous: (text: string) => string;
  didYouMean: string;
  tryAutocomplete: string;
  helpTitle: string;
  helpFooter: string;
  somethingWentWrong: (reference: string) => string;
  unknownCommand: string;
  storeUnavailable: string;
  restarting: string;
  serverOnly: (command: string) => string;
  needsManageServer: (command: string) => string;
}

const en: Strings = {
  date: (year, month, day) =>
    month === undefined
      ? `${year}`
      : day === undefined
        ? `${monthNames[month - 1]} ${year}`
        : `${day} ${monthNames[month - 1]} ${year}`,
  ago(months, yearOnly) {
    if (months < 0) return 'in the future';
    const years = Math.floor(months / 12);
    const rest = months % 12;
    if (yearOnly) return years <= 0 ? 'within the last year' : `about ${years} year${years === 1 ? '' : 's'} ago`;
    if (months === 0) return 'less than a month ago';
    const parts = [];
    if (years > 0) parts.push(`${years} year${years === 1 ? '' : 's'}`);
    if (rest > 0) parts.push(`${rest} month${rest === 1 ? '' : 's'}`);
    return `${parts.join(' and ')} ago`;
  },
  pairTitle: (a, b) => `${a} ↔ ${b}`,
  statusSentence(status, when, ago) {
    const at = when ? ` ${when}${ago ? ` (${ago})` : ''}` : '';
    switch (status) {
      case 'established':
        return `**Diplomatic relations were established**${at}.`;
      case 'severed':
        return `**Diplomatic relations were severed**${at}.`;
      case 'suspended':
        return `**Diplomatic relations were suspended**${at}, and have not resumed.`;
      case 'none':
        return '**They have no diplomatic relations.**';
      case 'not_listed':
        return "**Neither country's own list of diplomatic relations mentions the other.**";
    }
  },
  firstEstablished: (when) => `Relations were first established ${when}.`,
  listsDisagree: (a, aDate, b, bDate, differ) =>
    differ === 'year'
      ? `The two countries' own lists disagree on when: ${a} gives ${aDate}, ${b} gives ${bDate}.`
      : `The two countries' own lists give different days: ${aDate} (${a} list) and ${bDate} (${b} list).`,
  notListedNote:
    "That is not the same as having no relations: these lists are often incomplete, above all for small states, so my data may be missing this pair's ties.",
  formerNameNote(typed, label, now, kind, until, ended) {
    // "Burma" needs no "is Burma"; "USSR" is worth spelling out as the Soviet Union.
    const same = typed.toLowerCase() === label.replace(/^the /, '').toLowerCase();
    if (kind === 'renamed')
      return same
        ? `"${typed}" is the name used until ${until}: answered for ${now}.`
        : `"${typed}" is ${label}, the name used until ${until}: answered for ${now}.`;
    return `"${typed}" ${same ? 'ended' : `is ${label}, which ended`} ${ended}: answered for ${now}, its successor state.`;
  },
  dissolved: (label, until, successors) =>
    successors === 1
      ? `${label} no longer exists: it ended ${until}, when it became part of the state below.`
      : `${label} no longer exists: it ended ${until}. Pick one of the states it became:`,
  statusAsOf: (asOf) => `Status as of ${asOf}.`,
  historyUnknown:
    "I only have the two countries' own lists for this pair, not a researched history: breaks or restorations, if there were any, may be missing here.",
  breakUndated: 'When relations were broken off is not in my sources.',
  restoredSentence: (when, ago) => `**Diplomatic relations are in force**, restored ${when} (${ago}).`,
  noRecord: (a, b) => `I have no record of relations between ${a} and ${b}, so I can't say whether they have them.`,
  noRecordHint: 'My data is meant to cover every pair of the 200 states it knows, so this is a gap: please report it.',
  sameCountry: (name) => `${name} is the same country on both sides. Pick two different countries.`,
  eventKind: {
    established: 'relations established',
    severed: 'relations severed',
    restored: 'relations restored',
    suspended: 'relations suspended',
    recognized: 'recognition',
    treaty: 'treaty',
    downgraded: 'relations downgraded',
    other: 'event',
  },
  beforeFounding: (code) =>
    code === 'KP' ? ' (before the DPRK was founded)' : ' (before the Republic of Korea was founded)',
  statusWord: {
    established: 'established',
    severed: 'severed',
    suspended: 'suspended',
    none: 'no relations',
    not_listed: 'not listed by either',
  },
  confidence: {
    high: 'High: two independent publishers state it.',
    medium: 'Medium: one publisher states it.',
    low: 'Low: the sources disagree, or it is inferred.',
  },
  field: {
    history: 'History',
    sources: 'Sources',
    confidence: 'How sure',
    caveat: 'Where sources disagree',
    note: 'Note',
    more: (count) => `…and ${count} more`,
  },
  footerAsOf: (asOf) => `Status as of ${asOf}. Every fact here comes from the sources listed above.`,
  footerAsOfRange: (oldest, newest) => `Statuses checked between ${oldest} and ${newest}, depending on the pair.`,
  profileTitle: (name) => `${name}: diplomatic profile`,
  profileSources: "Counted from each pair's record: /relations shows a pair's sources.",
  profileUnMembers: (established, others, notListed) =>
    `Diplomatic relations with **${established}** of the ${others} other UN member states.` +
    (notListed > 0
      ? ` For ${notListed} more, neither side's list mentions the other: my data may be incomplete there.`
      : ''),
  profileFields: {
    withoutUn: 'UN members without relations',
    notListedUn: 'UN members neither list mentions',
    recent: 'Most recent changes',
    partners: 'Partners',
    broken: 'Severed or suspended',
    none: 'None',
  },
  partnersCount: (count, unCount) => `${count} countries and territories in all (${unCount} of them UN members).`,
  countryNotFound: (text) => `I couldn't find a country called "${text}".`,
  countryEmpty:
    'You left the country empty. Type a name such as Japan or 일본, a code such as JP or JPN, and pick one from the list that appears.',
  countryAmbiguous: (text) => `"${text}" could mean more than one country.`,
  didYouMean: 'Did you mean:',
  tryAutocomplete: 'Pick a name from the list that appears as you type, or use a code such as KR or SYR.',
  helpTitle: 'attache: diplomatic relations, with sources',
  helpFooter: 'Country options take names in English or Korean, codes (KR, KOR) and common aliases.',
  somethingWentWrong: (reference) =>
    `Sorry, something went wrong on my side. Please try again in a moment. (ref ${reference})`,
  unknownCommand: "I don't know that command. It may have been removed; try /help.",
  storeUnavailable:
    'That is temporarily unavailable: I cannot reach my storage right now. Facts (/relations, /country, /news) still work. Please try again in a few minutes.',
  restarting: 'I am restarting right now. Please try again in a moment.',
  serverOnly: (command) => `${command} works only in a server: use it in one of your server's channels.`,
  needsManageServer: (command) => `Only members with the Manage Server permission can use ${command}.`,
};

const ko: Strings = {
  date: (year, month, day) =>
    month === undefined ? `${year}년` : day === undefined ? `${year}년 ${month}월` : `${year}년 ${month}월 ${day}일`,
  ago(months, yearOnly) {
    if (months < 0) return '미래';
    const years = Math.floor(months / 12);
    const rest = months % 12;
    if (yearOnly) return years <= 0 ? '최근 1년 이내' : `약 ${years}년 전`;
    if (months === 0) return '한 달이 안 됨';
    const parts = [];
    if (years > 0) parts.push(`${years}년`);
    if (rest > 0) parts.push(`${rest}개월`);
    return `${parts.join(' ')} 전`;
  },
  pairTitle: (a, b) => `${a} ↔ ${b}`,
  statusSentence(status, date, ago) {
    const when = date ? `${date}${ago ? `(${ago})` : ''}에 ` : '';
    switch (status) {
      case 'established':
        return `${when}**외교 관계를 수립했습니다.**`;
      case 'severed':
        return `${when}**외교 관계가 단절되었습니다.**`;
      case 'suspended':
        return `${date ? `${date}${ago ? `(${ago})` : ''}부터 ` : ''}**외교 관계가 중단된 상태입니다.**`;
      case 'none':
        return '**두 나라는 외교 관계가 없습니다.**';
      case 'not_listed':
        return '**두 나라 모두 자국의 외교 관계 목록에 상대국을 올리지 않았습니다.**';
    }
  },
  firstEstablished: (date) => `처음 수교한 날은 ${date}입니다.`,
  listsDisagree: (a, aDate, b, bDate, differ) =>
    differ === 'year'
      ? `두 나라의 목록이 수교 시점을 다르게 적고 있습니다. ${a} 목록은 ${aDate}, ${b} 목록은 ${bDate}입니다.`
      : `두 나라의 목록에 적힌 날짜가 다릅니다. ${a} 목록은 ${aDate}, ${b} 목록은 ${bDate}입니다.`,
  notListedNote:
    '그렇다고 외교 관계가 없다는 뜻은 아닙니다. 이런 목록은 빠진 곳이 많고, 특히 작은 나라는 더 그렇습니다. 제 자료에 이 두 나라의 관계가 빠져 있을 수 있습니다.',
  formerNameNote(typed, label, now, kind, until) {
    // The particle goes after the closing quote, chosen by the word inside it.
    const topic = `"${typed}"${josa(typed, '은', '는').slice(typed.length)}`;
    const same = typed === label;
    if (kind === 'renamed')
      return `${topic} ${until}까지 쓰던 이름${same ? '' : `(${label})`}입니다. ${now} 기준으로 답합니다.`;
    return `${topic} ${until}에 사라진 ${same ? '나라' : label}입니다. 승계국인 ${now} 기준으로 답합니다.`;
  },
  dissolved: (label, until, successors) =>
    successors === 1
      ? `${josa(label, '은', '는')} ${until}에 사라져 아래 나라의 일부가 되었습니다.`
      : `${josa(label, '은', '는')} ${until}에 사라진 나라입니다. 뒤를 이은 나라 중 하나를 골라 주세요.`,
  statusAsOf: (asOf) => `${asOf} 기준 상태입니다.`,
  historyUnknown:
    '이 두 나라에 대해서는 양국의 외교 관계 목록만 있고 따로 조사한 경과는 없습니다. 단교나 복원이 있었더라도 여기에 빠져 있을 수 있습니다.',
  breakUndated: '관계가 언제 끊겼는지는 제 출처에 없습니다.',
  restoredSentence: (date, ago) => `**외교 관계가 유지되고 있습니다.** ${date}(${ago})에 복원되었습니다.`,
  noRecord: (a, b) => `${josa(a, '과', '와')} ${b} 사이의 관계 기록이 없어서, 수교 여부를 말씀드릴 수 없습니다.`,
  noRecordHint: '제 자료는 200개 나라의 모든 쌍을 다루도록 되어 있어, 이것은 빠진 부분입니다. 알려 주세요.',
  sameCountry: (name) => `양쪽 모두 ${name}입니다. 서로 다른 두 나라를 골라 주세요.`,
  eventKind: {
    established: '수교',
    severed: '단교',
    restored: '관계 복원',
    suspended: '관계 중단',
    recognized: '국가 승인',
    treaty: '조약',
    downgraded: '관계 격하',
    other: '사건',
  },
  beforeFounding: (code) => (code === 'KP' ? ' (북한 정권 수립 이전)' : ' (대한민국 정부 수립 이전)'),
  statusWord: {
    established: '수교',
    severed: '단교',
    suspended: '중단',
    none: '관계 없음',
    not_listed: '양국 목록에 없음',
  },
  confidence: {
    high: '높음: 서로 다른 두 곳 이상의 발행처가 밝히고 있습니다.',
    medium: '보통: 한 발행처가 밝히고 있습니다.',
    low: '낮음: 출처끼리 맞지 않거나 추정한 내용입니다.',
  },
  field: {
    history: '경과',
    sources: '출처',
    confidence: '신뢰도',
    caveat: '출처 간 차이',
    note: '참고',
    more: (count) => `…외 ${count}건`,
  },
  footerAsOf: (asOf) => `상태 기준 시점: ${asOf}. 여기 적은 사실은 모두 위 출처에서 가져왔습니다.`,
  footerAsOfRange: (oldest, newest) => `상태 기준 시점: 나라 쌍에 따라 ${oldest}부터 ${newest}까지.`,
  profileTitle: (name) => `${name}: 외교 관계 요약`,
  profileSources: '나라 쌍마다 기록된 관계로 센 결과입니다. 쌍별 출처는 관계 명령(/관계)에서 볼 수 있습니다.',
  profileUnMembers: (established, others, notListed) =>
    `다른 유엔 회원국 ${others}개국 중 **${established}**개국과 외교 관계가 있습니다.` +
    (notListed > 0 ? ` 그 밖에 ${notListed}개국은 양쪽 목록 모두에 나오지 않아 자료가 빠졌을 수 있습니다.` : ''),
  profileFields: {
    withoutUn: '외교 관계가 없는 유엔 회원국',
    notListedUn: '양쪽 목록에 모두 없는 유엔 회원국',
    recent: '최근 변화',
    partners: '수교국',
    broken: '단교 또는 중단',
    none: '없음',
  },
  partnersCount: (count, unCount) => `모두 ${count}개 나라·지역 (그중 유엔 회원국 ${unCount}개국).`,
  countryNotFound: (text) => `"${text}"(이)라는 나라를 찾지 못했습니다.`,
  countryEmpty:
    '나라 이름이 비어 있습니다. 일본이나 Japan 같은 이름, JP나 JPN 같은 코드를 입력한 뒤 나타나는 목록에서 골라 주세요.',
  countryAmbiguous: (text) => `"${text}"에 해당하는 나라가 여럿입니다.`,
  didYouMean: '혹시 이 나라인가요?',
  tryAutocomplete: '입력할 때 나타나는 목록에서 고르거나 KR, SYR 같은 코드를 써 주세요.',
  helpTitle: 'attache: 출처와 함께 보는 외교 관계',
  helpFooter: '나라 옵션에는 한국어·영어 이름, 코드(KR, KOR), 흔히 쓰는 다른 이름을 쓸 수 있습니다.',
  somethingWentWrong: (reference) =>
    `죄송합니다. 처리 중 문제가 생겼습니다. 잠시 후 다시 시도해 주세요. (참조 ${reference})`,
  unknownCommand: '알 수 없는 명령어입니다. 삭제되었을 수 있어요. `/도움말` 명령을 확인해 주세요.',
  storeUnavailable:
    '저장소에 연결할 수 없어 잠시 이 기능을 쓸 수 없습니다. 사실 조회(/관계, /나라, /뉴스)는 됩니다. 몇 분 뒤 다시 시도해 주세요.',
  restarting: '지금 다시 시작하는 중입니다. 잠시 후 다시 시도해 주세요.',
  serverOnly: (command) => `${command} 명령어는 서버 채널에서만 쓸 수 있습니다.`,
  needsManageServer: (command) => `${command} 명령어는 서버 관리 권한이 있는 멤버만 쓸 수 있습니다.`,
};

export const strings: Record<Language, Strings> = { en, ko };
