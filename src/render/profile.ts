// The /country answer: how many UN members it has relations with, the exceptions, and the latest changes.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import { nameCollator, type Country } from '../facts/countries.js';
import type { CountryProfile } from '../facts/profile.js';
import { comparePartialDates } from '../facts/partial-date.js';
import { formatDate } from './dates.js';
import { strings, type Language } from './i18n.js';
import { countryLabel, statusColor } from './relation.js';
import { clip, fitInline, fitLines, limits, type Reply } from './reply.js';

/** Countries in the reader's alphabetical order (Korean names in 가나다 order). */
export function byName<T>(items: readonly T[], country: (item: T) => Country, language: Language): T[] {
  const collator = nameCollator(language);
  return [...items].sort((x, y) => collator.compare(country(x).name[language], country(y).name[language]));
}

export function profileReply(profile: CountryProfile, language: Language): Reply {
  const t = strings[language];
  const label = (country: Country) => countryLabel(country, language);
  const { un } = profile;
  const fields: APIEmbedField[] = [];

  const without = byName(un.without, (entry) => entry.partner, language).map(
    ({ partner, status }) => `${label(partner)} (${t.statusWord[status]})`,
  );
  fields.push({
    name: t.profileFields.withoutUn,
    value: without.length ? fitLines(without, t.field.more) : t.profileFields.none,
  });
  if (un.notListed.length) {
    const notListed = byName(un.notListed, (country) => country, language).map(label);
    fields.push({ name: t.profileFields.notListedUn, value: fitInline(notListed, t.field.more) });
  }
  const unPartners = profile.partners.filter((partner) => partner.unMember).length;
  fields.push({ name: t.profileFields.partners, value: t.partnersCount(profile.partners.length, unPartners) });

  if (profile.recentChanges.length) {
    // Newest first; changes on the same day in the reader's alphabetical order.
    const collator = nameCollator(language);
    const changes = [...profile.recentChanges].sort(
      (x, y) =>
        comparePartialDates(y.date, x.date) || collator.compare(x.partner.name[language], y.partner.name[language]),
    );
    const lines = changes.map(
      (change) => `• ${formatDate(change.date, language)}: ${label(change.partner)}, ${t.eventKind[change.kind]}`,
    );
    fields.push({ name: t.profileFields.recent, value: fitLines(lines, t.field.more) });
  }
  if (profile.broken.length) {
    const lines = byName(profile.broken, (entry) => entry.partner, language).map(
      ({ partner, status, since }) =>
        `${label(partner)}: ${t.statusWord[status]}${since ? `, ${formatDate(since, language)}` : ''}`,
    );
    fields.push({ name: t.profileFields.broken, value: fitLines(lines, t.field.more) });
  }

  const { oldest, newest } = profile.asOf;
  const embed: APIEmbed = {
    title: clip(t.profileTitle(label(profile.country)), limits.title),
    color: statusColor.established,
    description: t.profileUnMembers(un.established.length, un.others, un.notListed.length),
    fields,
    footer: {
      text: `${
        oldest.iso === newest.iso
          ? t.statusAsOf(formatDate(oldest, language))
          : t.footerAsOfRange(formatDate(oldest, language), formatDate(newest, language))
      } ${t.profileSources}`,
    },
  };
  return { embeds: [embed] };
}
