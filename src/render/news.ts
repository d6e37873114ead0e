// News items and daily posts as Discord embeds.
import type { APIEmbed, APIEmbedField } from 'discord-api-types/v10';
import type { DailyContent } from '../news/daily.js';
import type { NewsItem, ResolvedKeyFact } from '../news/items.js';
import { formatAgo, formatDate } from './dates.js';
import { strings, type Language } from './i18n.js';
import { newsStrings } from './news-strings.js';
import { labelIn } from './names.js';
import { byName } from './profile.js';
import { countryLabel, statusColor } from './relation.js';
import { clip, fitLines, limits, sourceLinks, type Reply } from './reply.js';
import type { SourceBook } from '../facts/sources.js';

const newsColor = 0x1565c0;

function keyFactLine(fact: ResolvedKeyFact, language: Language): string {
  const t = strings[language];
  const n = newsStrings[language];
  if (fact.kind === 'un-coverage') {
    const { profile } = fact;
    const exceptions =
      byName(profile.un.without, (entry) => entry.partner, language)
        .map(({ partner }) => countryLabel(partner, language))
        .join(', ') || n.noExceptions;
    return n.unCoverage(
      labelIn(profile.country, language, 'start'),
      profile.un.established.length,
      profile.un.others,
      exceptions,
    );
  }
  const { answer } = fact;
  if (answer.kind === 'same-country') return countryLabel(answer.a, language);
  const pair = t.pairTitle(countryLabel(answer.a, language), countryLabel(answer.b, language));
  if (answer.kind === 'unknown') return n.unknownPair(pair);
  const { relation, statusSince } = answer;
  const since = statusSince ?? relation.established;
  return n.relationLine(pair, t.statusWord[relation.status], since && formatDate(since, language));
}

/** `now`: when the item is shown, for its age ("1 year and 7 months ago"). */
export function newsEmbed(item: NewsItem, keyFacts: ResolvedKeyFact[], language: Language, now: Date): APIEmbed {
  const n = newsStrings[language];
  const fields: APIEmbedField[] = [];
  if (keyFacts.length) {
    fields.push({
      name: n.keyFacts,
      value: fitLines(
        keyFacts.map((fact) => `• ${keyFactLine(fact, language)}`),
        strings[language].field.more,
      ),
    });
  }
  const countries = item.countries
    .map((country) => `${countryLabel(country, language)} (\`${country.code}\`)`)
    .join(' · ');
  fields.push({ name: n.countries, value: clip(`${countries}\n${n.countriesHint}`, limits.fieldValue) });
  fields.push({
    name: n.sources,
    value: fitLines(
      item.sources.map((source) => `[${source.name}](${source.url})`),
      strings[language].field.more,
    ),
  });
  const points = item.points.map((point) => `• ${point[language]}`);
  return {
    title: clip(item.headline[language], limits.title),
    url: item.sources[0]!.url,
    color: newsColor,
    description: clip(
      [`📅 ${formatDate(item.date, language)} (${formatAgo(item.date, now, language)})`, '', ...points].join('\n'),
      limits.description,
    ),
    fields,
    footer: { text: n.newsFooter(item.id) },
  };
}

export function newsReply(
  item: NewsItem | undefined,
  keyFacts: ResolvedKeyFact[],
  language: Language,
  now: Date,
): Reply {
  if (!item) return { ephemeral: true, content: newsStrings[language].noNews };
  return { embeds: [newsEmbed(item, keyFacts, language, now)] };
}

/** The daily post: a news item, what happened on this date, or a fact of the day. The footer carries the day. */
export function dailyPost(
  content: DailyContent,
  keyFacts: ResolvedKeyFact[],
  language: Language,
  day: string,
  now: Date,
  sources: SourceBook,
): Reply {
  const n = newsStrings[language];
  const t = strings[language];
  const footer = { text: n.dailyFooter(day) };
  if (content.kind === 'news') return { embeds: [{ ...newsEmbed(content.item, keyFacts, language, now), footer }] };
  if (content.kind === 'on-this-day') {
    const [year, month, date] = day.split('-').map(Number);
    const lines = content.entries.map((entry) =>
      n.onThisDayLine(entry.date.year, t.pairTitle(countryLabel(entry.a, language), countryLabel(entry.b, language))),
    );
    return {
      embeds: [
        {
          title: n.onThisDayTitle(
            language === 'ko' ? `${month}월 ${date}일` : t.date(year!, month, date).replace(/ \d+$/, ''),
          ),
          color: statusColor.established,
          description: fitLines(lines, t.field.more, limits.description),
          footer,
        },
      ],
    };
  }
  const { a, b, relation } = content;
  return {
    embeds: [
      {
        title: n.factTitle,
        color: statusColor.established,
        description: n.factLine(
          labelIn(a, language, 'start'),
          labelIn(b, language),
          formatDate(relation.established!, language),
        ),
        fields: [
          {
            name: n.sources,
            value: sourceLinks(relation.sources, t.field.more, (url) => sources.label(url, language)),
          },
        ],
        footer,
      },
    ],
  };
}
