// The /relations answer: status and since when, later events, sources, and how sure the data is.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { Country } from '../facts/countries.js';
import type { PartialDate } from '../facts/partial-date.js';
import {
  breakingKinds,
  predates,
  type EventKind,
  type RelationAnswer,
  type RelationStatus,
} from '../facts/relations.js';
import { worldLayerFile } from '../facts/world-table.js';
import type { SourceBook } from '../facts/sources.js';
import { formatAgo, formatDate, formatWhen } from './dates.js';
import { strings, type Language } from './i18n.js';
import { labelIn, nameIn, ownerOf } from './names.js';
import { clip, fitLines, limits, sourceLinks, type Reply } from './reply.js';

export const statusColor: Record<RelationStatus | 'unknown', number> = {
  established: 0x2e7d32,
  severed: 0xc62828,
  suspended: 0xf9a825,
  none: 0x607d8b,
  not_listed: 0x90a4ae,
  unknown: 0x90a4ae,
};

/** Any event that dates a break: a severance or suspension, or the downgrade a suspension often began as. */
const breakKinds: readonly EventKind[] = [...breakingKinds, 'downgraded'];

export function countryLabel(country: Country, language: Language): string {
  return `${country.flag} ${country.name[language]}`;
}

/**
 * `notes`: lines shown above the answer, such as how a former name was read ("USSR: answered for Russia").
 */
export function relationReply(
  answer: RelationAnswer,
  language: Language,
  now: Date,
  sources: SourceBook,
  notes: readonly string[] = [],
): Reply {
  const t = strings[language];
  const content = notes.length ? { content: notes.join('\n') } : {};
  if (answer.kind === 'same-country') {
    return { ephemeral: true, content: [...notes, t.sameCountry(labelIn(answer.a, language, 'start'))].join('\n') };
  }
  const title = clip(t.pairTitle(countryLabel(answer.a, language), countryLabel(answer.b, language)), limits.title);
  if (answer.kind === 'unknown') {
    const embed: APIEmbed = {
      title,
      color: statusColor.unknown,
      description: `${t.noRecord(nameIn(answer.a, language), nameIn(answer.b, language))}\n${t.noRecordHint}`,
    };
    return { ...content, embeds: [embed] };
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
  if (relation.status === 'not_listed') lines.push(t.notListedNote);
  if (relation.established && (restored || relation.status !== 'established')) {
    lines.push(t.firstEstablished(when(relation.established)));
  }
  if (relation.listed) {
    // The dates each country's own list gives, named by country in the order asked.
    const [first, second] = relation.listed;
    const byCode = new Map([
      [relation.pair[0], first],
      [relation.pair[1], second],
    ]);
    const aDate = byCode.get(answer.a.code);
    const bDate = byCode.get(answer.b.code);
    if (aDate && bDate) {
      const differ = aDate.year !== bDate.year ? 'year' : 'day';
      lines.push(
        t.listsDisagree(ownerOf(answer.a, language), date(aDate), ownerOf(answer.b, language), date(bDate), differ),
      );
    }
  }

  const fields: APIEmbedField[] = [];
  const history = relation.events.map((event) => {
    const note = event.note ? `: ${event.note[language] ?? event.note.en}` : '';
    const before = predates(event, relation.pair);
    return `• ${date(event.date)}: ${t.eventKind[event.kind]}${before ? t.beforeFounding(before) : ''}${note}`;
  });
  // Say what we do not know rather than imply a clean line: an unresearched pair, an undated break.
  const broken = relation.status === 'severed' || relation.status === 'suspended';
  if (broken && !relation.events.some((event) => breakKinds.includes(event.kind))) history.push(t.breakUndated);
  if (
    relation.file === worldLayerFile &&
    !relation.events.some((event) => event.sources) &&
    relation.status !== 'not_listed'
  ) {
    history.push(t.historyUnknown);
  }
  if (history.length > 0) fields.push({ name: t.field.history, value: fitLines(history, t.field.more) });
  if (relation.note) {
    fields.push({ name: t.field.note, value: clip(relation.note[language] ?? relation.note.en, limits.fieldValue) });
  }
  if (relation.caveat) {
    fields.push({
      name: t.field.caveat,
      value: clip(relation.caveat[language] ?? relation.caveat.en, limits.fieldValue),
    });
  }
  const cited = [...relation.sources, ...relation.events.flatMap((event) => event.sources ?? [])];
  if (cited.length > 0) {
    fields.push({
      name: t.field.sources,
      value: sourceLinks(cited, t.field.more, (url) => sources.label(url, language)),
    });
  }
  fields.push({ name: t.field.confidence, value: t.confidence[relation.confidence] });

  const embed: APIEmbed = {
    title,
    color: statusColor[relation.status],
    description: lines.join('\n'),
    fields,
    footer: { text: cited.length > 0 ? t.footerAsOf(date(relation.asOf)) : t.statusAsOf(date(relation.asOf)) },
  };
  return { ...content, embeds: [embed] };
}
