// The /relations answer: status and since when, later events, sources, and how sure the data is.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Country } from '../facts/countries.js';
import type { PartialDate } from '../facts/partial-date.js';
import type { RelationAnswer, RelationStatus } from '../facts/relations.js';
import { formatAgo, formatDate, formatWhen } from './dates.js';
import { strings, type Language } from './i18n.js';
import { clip, fitLines, limits, sourceLinks, type Reply } from './reply.js';

export const statusColor: Record<RelationStatus | 'unknown', number> = {
  established: 0x2e7d32,
  severed: 0xc62828,
  suspended: 0xf9a825,
  none: 0x607d8b,
  unknown: 0x90a4ae,
};

export function countryLabel(country: Country, language: Language): string {
  return `${country.flag} ${country.name[language]}`;
}

export function relationReply(answer: RelationAnswer, language: Language, now: Date, asOf: PartialDate): Reply {
  const t = strings[language];
  if (answer.kind === 'same-country') {
    return { ephemeral: true, content: t.sameCountry(countryLabel(answer.a, language)) };
  }
  const title = clip(t.pairTitle(countryLabel(answer.a, language), countryLabel(answer.b, language)), limits.title);
  if (answer.kind === 'unknown') {
    const embed: APIEmbed = {
      title,
      color: statusColor.unknown,
      description: `${t.noRecord(answer.a.name[language], answer.b.name[language])}\n${t.noRecordHint}`,
    };
    return { embeds: [embed] };
  }

  const { relation, statusSince, restored } = answer;
  const date = (value: PartialDate) => formatDate(value, language);
  const when = (value: PartialDate) => formatWhen(value, language);
  const ago = (value: PartialDate) => formatAgo(value, now, language);
  const lines: string[] = [];
  // Relations established, never broken, are dated by their establishment even if a successor state renewed them.
  const headline = relation.status === 'established' && !restored ? (relation.established ?? statusSince) : statusSince;
  if (restored && statusSince) lines.push(t.restoredSentence(when(statusSince), ago(statusSince)));
  else lines.push(t.statusSentence(relation.status, headline && when(headline), headline && ago(headline)));
  if (relation.established && (restored || relation.status !== 'established')) {
    lines.push(t.firstEstablished(when(relation.established)));
  }

  const fields: APIEmbedField[] = [];
  const history = relation.events.map((event) => {
    const note = event.note ? `: ${event.note[language] ?? event.note.en}` : '';
    return `• ${date(event.date)}: ${t.eventKind[event.kind]}${note}`;
  });
  if (history.length > 0) fields.push({ name: t.field.history, value: fitLines(history, t.field.more) });
  if (relation.caveat) {
    fields.push({ name: t.field.caveat, value: clip(relation.caveat[language] ?? relation.caveat.en, limits.fieldValue) });
  }
  fields.push({ name: t.field.sources, value: sourceLinks(relation.sources, t.field.more) });
  fields.push({ name: t.field.confidence, value: t.confidence[relation.confidence] });

  const embed: APIEmbed = {
    title,
    color: statusColor[relation.status],
    description: lines.join('\n'),
    fields,
    footer: { text: t.footerAsOf(date(asOf)) },
  };
  return { embeds: [embed] };
}

