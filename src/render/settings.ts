// /settings: a server's own choices, confirmed and shown in the reader's (or the server's fixed) language.
import type { Country } from '../facts/countries.js';
import type { ServerLanguage, ServerSettings } from '../store/server-settings-repository.js';
import type { Language } from './i18n.js';
import type { Reply } from './reply.js';
import { countryLabel } from './relation.js';

interface SettingsStrings {
  countrySet: (country: string) => string;
  countryReset: (country: string) => string;
  languageFixed: string;
  languageAuto: string;
  title: string;
  countryField: string;
  countryValue: (country: string, isDefault: boolean) => string;
  languageField: string;
  languageValue: Record<ServerLanguage | 'auto', string>;
  footer: string;
}

const en: SettingsStrings = {
  countrySet: (country) => `In this server, /relations now compares with ${country} when \`with\` is left out.`,
  countryReset: (country) =>
    `In this server, /relations compares with the bot's default, ${country}, again when \`with\` is left out.`,
  languageFixed:
    "Replies and posts in this server are now in English, whatever each member's Discord language. The daily post follows from its next edition.",
  languageAuto:
    'Each member now gets replies in their own Discord language (English or Korean). The daily post keeps its current language.',
  title: "This server's settings",
  countryField: 'Country /relations compares with',
  countryValue: (country, isDefault) => (isDefault ? `${country} (the bot's default)` : country),
  languageField: 'Language of replies and posts',
  languageValue: { auto: "Each member's own Discord language", en: 'English', ko: 'Korean' },
  footer: 'Change them with /settings default-country and /settings language (Manage Server).',
};

const ko: SettingsStrings = {
  countrySet: (country) => `이제 이 서버에서 상대국을 비워 두면 /관계 명령어의 비교 대상은 ${country}입니다.`,
  countryReset: (country) =>
    `이제 이 서버에서 상대국을 비워 두면 /관계 명령어는 다시 봇의 기본 나라(${country})와 비교합니다.`,
  languageFixed:
    '이제 이 서버의 답변과 게시물은 각 멤버의 Discord 언어와 관계없이 한국어로 나옵니다. 일일 게시물은 다음 회차부터 바뀝니다.',
  languageAuto:
    '이제 각 멤버는 자신의 Discord 언어(영어 또는 한국어)로 답변을 받습니다. 일일 게시물은 지금 언어를 유지합니다.',
  title: '이 서버의 설정',
  countryField: '/관계 명령어의 기본 비교 나라',
  countryValue: (country, isDefault) => (isDefault ? `${country} (봇 기본값)` : country),
  languageField: '답변과 게시물의 언어',
  languageValue: { auto: '각 멤버의 Discord 언어', en: '영어', ko: '한국어' },
  footer: '/설정 명령어의 기본나라·언어 항목으로 바꿀 수 있습니다 (서버 관리 권한).',
};

export const settingsStrings: Record<Language, SettingsStrings> = { en, ko };

export function countrySetReply(country: Country, reset: boolean, language: Language): Reply {
  const s = settingsStrings[language];
  const label = countryLabel(country, language);
  return { ephemeral: true, content: reset ? s.countryReset(label) : s.countrySet(label) };
}

/** Confirmed in the language now in force: the fixed one, or the reader's own. */
export function languageSetReply(fixed: ServerLanguage | undefined, readerLanguage: Language): Reply {
  return {
    ephemeral: true,
    content: fixed ? settingsStrings[fixed].languageFixed : settingsStrings[readerLanguage].languageAuto,
  };
}

export function settingsReply(settings: ServerSettings, country: Country, language: Language): Reply {
  const s = settingsStrings[language];
  return {
    ephemeral: true,
    embeds: [
      {
        title: s.title,
        fields: [
          {
            name: s.countryField,
            value: s.countryValue(countryLabel(country, language), settings.defaultCountry === undefined),
          },
          { name: s.languageField, value: s.languageValue[settings.language ?? 'auto'] },
        ],
        footer: { text: s.footer },
      },
    ],
  };
}
