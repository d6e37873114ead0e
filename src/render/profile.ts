// The /country answer: how many UN members it has relations with, the exceptions, and the latest changes.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Facts } from '../facts/facts.js';
import type { CountryProfile } from '../facts/profile.js';
import { formatDate } from './dates.js';
import { strings, type Language } from './i18n.js';
import { countryLabel, statusColor } from './relation.js';
import { clip, fitLines, limits, type Reply } from './reply.js';

export function profileReply(profile: CountryProfile, facts: Facts, language: Language): Reply {
  const t = strings[language];
  const label = (country: Parameters<typeof countryLabel>[0]) => countryLabel(country, language);
  const { un } = profile;
  const complete = un.unrecorded.length === 0;
  const fields: APIEmbedField[] = [];

  let description: string;
  if (complete) {
    description = t.profileUnMembers(un.established.length, un.others);
    const without = un.without.map(({ partner, status }) => `${label(partner)} (${t.statusWord[status]})`);
    fields.push({ name: t.profileFields.withoutUn, value: without.length ? fitLines(without, t.field.more) : t.profileFields.none });
    const unPartners = profile.partners.filter((partner) => partner.unMember).length;
    fields.push({ name: t.profileFields.partners, value: t.partnersCount(profile.partners.length, unPartners) });
  } else {
    description = t.profilePartial(profile.country.name[language], profile.recorded.length);
    const lines = profile.recorded.map(({ partner, status }) => `${label(partner)}: ${t.statusWord[status]}`);
    if (lines.length) fields.push({ name: t.profileFields.recorded, value: fitLines(lines, t.field.more) });
  }

  if (profile.recentChanges.length) {
    const lines = profile.recentChanges.map(
      (change) => `• ${formatDate(change.date, language)}: ${label(change.partner)}, ${t.eventKind[change.kind]}`,
    );
    fields.push({ name: t.profileFields.recent, value: fitLines(lines, t.field.more) });
  }
  if (profile.broken.length) {
    const lines = profile.broken.map(
      ({ partner, status, since }) => `${label(partner)}: ${t.statusWord[status]}${since ? `, ${formatDate(since, language)}` : ''}`,
    );
    fields.push({ name: t.profileFields.broken, value: fitLines(lines, t.field.more) });
  }

  const embed: APIEmbed = {
    title: clip(t.profileTitle(label(profile.country)), limits.title),
    color: statusColor.established,
    description,
    fields,
    footer: { text: t.footerAsOf(formatDate(facts.asOf, language)) },
  };
  return { embeds: [embed] };
}
