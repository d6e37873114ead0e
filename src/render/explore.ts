// Exploring by clicking: under a /relations answer, each country's profile and every source; under a /country
// profile, a menu of its long lists, shown a page at a time. What a click needs is in its custom_id, so the buttons
// keep working after a restart.
import {
  ButtonStyle,
  ComponentType,
  type APIActionRowComponent,
  type APIComponentInMessageActionRow,
} from 'discord-api-types/v10';
import type { Country } from '../facts/countries.js';
import type { CountryProfile } from '../facts/profile.js';
import type { RelationAnswer } from '../facts/relations.js';
import type { SourceBook } from '../facts/sources.js';
import { customIdCodec } from './custom-id.js';
import { formatDate } from './dates.js';
import { strings, type Language } from './i18n.js';
import { byName } from './profile.js';
import { countryLabel } from './relation.js';
import { clip, limits, type Reply } from './reply.js';

/** A country's profile, privately. */
export const countryProfileId = customIdCodec('country', 'profile', { code: 'id' });
/** The menu of a profile's lists. */
export const countryListsId = customIdCodec('country', 'lists', { code: 'id' });
/** One page of one list. */
export const countryListId = customIdCodec('country', 'list', { code: 'id', list: 'id', page: 'int' });
/** Every source of a pair. */
export const relationSourcesId = customIdCodec('relations', 'sources', { a: 'id', b: 'id' });

export const profileLists = ['partners', 'without', 'not-listed', 'broken', 'recent'] as const;
export type ProfileList = (typeof profileLists)[number];

interface ExploreStrings {
  profileOf: (country: string) => string;
  sources: string;
  sourcesTitle: (pair: string) => string;
  noSources: string;
  backs: string;
  listMenu: string;
  lists: Record<ProfileList, (count: number) => string>;
  listTitle: Record<ProfileList, (country: string) => string>;
  page: (page: number, pages: number) => string;
  previous: string;
  next: string;
  empty: string;
}

const en: ExploreStrings = {
  profileOf: (country) => `${country}: profile`,
  sources: 'All sources',
  sourcesTitle: (pair) => `Sources: ${pair}`,
  noSources: 'No source is named for this pair.',
  backs: 'Backs',
  listMenu: 'Browse a list…',
  lists: {
    partners: (n) => `Countries with relations (${n})`,
    without: (n) => `UN members without relations (${n})`,
    'not-listed': (n) => `UN members neither list mentions (${n})`,
    broken: (n) => `Severed or suspended (${n})`,
    recent: (n) => `Changes, newest first (${n})`,
  },
  listTitle: {
    partners: (c) => `${c}: countries with relations`,
    without: (c) => `${c}: UN members without relations`,
    'not-listed': (c) => `${c}: UN members neither list mentions`,
    broken: (c) => `${c}: relations severed or suspended`,
    recent: (c) => `${c}: changes, newest first`,
  },
  page: (page, pages) => `Page ${page} of ${pages}`,
  previous: 'Previous',
  next: 'Next',
  empty: 'Nothing in this list.',
};

const ko: ExploreStrings = {
  profileOf: (country) => `${country} 요약`,
  sources: '출처 전체',
  sourcesTitle: (pair) => `출처: ${pair}`,
  noSources: '이 두 나라에 대해 밝힌 출처가 없습니다.',
  backs: '근거',
  listMenu: '목록 보기…',
  lists: {
    partners: (n) => `수교국 (${n})`,
    without: (n) => `외교 관계가 없는 유엔 회원국 (${n})`,
    'not-listed': (n) => `양쪽 목록에 없는 유엔 회원국 (${n})`,
    broken: (n) => `단교 또는 중단 (${n})`,
    recent: (n) => `변화, 최근 순 (${n})`,
  },
  listTitle: {
    partners: (c) => `${c}: 수교국`,
    without: (c) => `${c}: 외교 관계가 없는 유엔 회원국`,
    'not-listed': (c) => `${c}: 양쪽 목록에 없는 유엔 회원국`,
    broken: (c) => `${c}: 단교 또는 중단된 관계`,
    recent: (c) => `${c}: 변화, 최근 순`,
  },
  page: (page, pages) => `${pages}쪽 중 ${page}쪽`,
  previous: '이전',
  next: '다음',
  empty: '이 목록은 비어 있습니다.',
};

export const exploreStrings: Record<Language, ExploreStrings> = { en, ko };

/** Buttons under a /relations answer: each country's profile, and every source. */
export function relationButtons(
  answer: RelationAnswer,
  language: Language,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  if (answer.kind === 'same-country') return [];
  const s = exploreStrings[language];
  const profile = (country: Country) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label: clip(s.profileOf(countryLabel(country, language)), 80),
    custom_id: countryProfileId.encode({ code: country.code }),
  });
  const buttons = [profile(answer.a), profile(answer.b)];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        ...buttons,
        {
          type: ComponentType.Button,
          style: ButtonStyle.Secondary,
          label: s.sources,
          custom_id: relationSourcesId.encode({ a: answer.a.code, b: answer.b.code }),
        },
      ],
    },
  ];
}

/** Every source of a pair, each with what it backs (the status, or an event's date and kind), privately. */
export function relationSourcesReply(answer: RelationAnswer, sources: SourceBook, language: Language): Reply {
  const s = exploreStrings[language];
  const t = strings[language];
  if (answer.kind !== 'known') return { ephemeral: true, content: s.noSources };
  const { relation } = answer;
  const backs = new Map<string, string[]>();
  const add = (url: string, what: string) => backs.set(url, [...(backs.get(url) ?? []), what]);
  for (const url of relation.sources) add(url, t.statusWord[relation.status]);
  for (const event of relation.events) {
    for (const url of event.sources ?? []) add(url, `${formatDate(event.date, language)}: ${t.eventKind[event.kind]}`);
  }
  if (backs.size === 0) return { ephemeral: true, content: s.noSources };
  const lines = [...backs].map(([url, what]) => {
    const name = sources.label(url, language).replace(/[[\]]/g, '');
    return `• [${name}](${url}) · ${s.backs}: ${what.join('; ')}`;
  });
  const pair = t.pairTitle(countryLabel(answer.a, language), countryLabel(answer.b, language));
  return {
    ephemeral: true,
    embeds: [
      {
        title: clip(s.sourcesTitle(pair), limits.title),
        description: clip(lines.join('\n'), limits.description),
      },
    ],
  };
}

/** The lines of one list of a profile, in the reader's order. */
function listLines(profile: CountryProfile, list: ProfileList, language: Language): string[] {
  const t = strings[language];
  const label = (country: Country) => countryLabel(country, language);
  switch (list) {
    case 'partners':
      return byName(profile.partners, (country) => country, language).map(label);
    case 'without':
      return byName(profile.un.without, (entry) => entry.partner, language).map(
        ({ partner, status }) => `${label(partner)} (${t.statusWord[status]})`,
      );
    case 'not-listed':
      return byName(profile.un.notListed, (country) => country, language).map(label);
    case 'broken':
      return byName(profile.broken, (entry) => entry.partner, language).map(
        ({ partner, status, since }) =>
          `${label(partner)}: ${t.statusWord[status]}${since ? `, ${formatDate(since, language)}` : ''}`,
      );
    case 'recent':
      return profile.recentChanges.map(
        (change) => `${formatDate(change.date, language)}: ${label(change.partner)}, ${t.eventKind[change.kind]}`,
      );
  }
}

/** The menu under a /country profile: each list that has something in it, with its size. */
export function profileListsMenu(
  profile: CountryProfile,
  language: Language,
): APIActionRowComponent<APIComponentInMessageActionRow>[] {
  const s = exploreStrings[language];
  const options = profileLists
    .map((list) => ({ list, count: listLines(profile, list, language).length }))
    .filter(({ count }) => count > 0)
    .map(({ list, count }) => ({ label: s.lists[list](count), value: list }));
  if (options.length === 0) return [];
  return [
    {
      type: ComponentType.ActionRow,
      components: [
        {
          type: ComponentType.StringSelect,
          custom_id: countryListsId.encode({ code: profile.country.code }),
          placeholder: s.listMenu,
          options,
        },
      ],
    },
  ];
}

const perPage = 20;

/** One page of one list, with buttons to the pages before and after. Private to the reader who asked. */
export function profileListReply(profile: CountryProfile, list: ProfileList, page: number, language: Language): Reply {
  const s = exploreStrings[language];
  const lines = listLines(profile, list, language);
  const pages = Math.max(1, Math.ceil(lines.length / perPage));
  const current = Math.min(Math.max(1, page), pages);
  const shown = lines.slice((current - 1) * perPage, current * perPage);
  const button = (label: string, to: number, disabled: boolean) => ({
    type: ComponentType.Button as const,
    style: ButtonStyle.Secondary as const,
    label,
    custom_id: countryListId.encode({ code: profile.country.code, list, page: to }),
    disabled,
  });
  return {
    ephemeral: true,
    embeds: [
      {
        title: clip(s.listTitle[list](countryLabel(profile.country, language)), limits.title),
        description: clip(shown.length ? shown.map((line) => `• ${line}`).join('\n') : s.empty, limits.description),
        footer: { text: s.page(current, pages) },
      },
    ],
    components:
      pages > 1
        ? [
            {
              type: ComponentType.ActionRow,
              // With two pages or more, the two ids differ (Discord refuses a message with the same id twice).
              components: [
                button(s.previous, Math.max(1, current - 1), current === 1),
                button(s.next, Math.min(pages, current + 1), current === pages),
              ],
            },
          ]
        : [],
  };
}

export function isProfileList(value: string): value is ProfileList {
  return (profileLists as readonly string[]).includes(value);
}
