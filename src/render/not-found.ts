// What a user sees when a country they typed cannot be pinned down: the closest names to try.
import type { Country } from '../facts/countries.js';
import type { FormerName } from '../facts/former-names.js';
import type { Resolution } from '../facts/search.js';
import { formatDate, formatWhen } from './dates.js';
import { strings, type Language } from './i18n.js';
import { countryLabel } from './relation.js';
import { labelIn } from './names.js';
import { quoteUserText, type Reply } from './reply.js';

export function countryNotFoundReply(
  typed: string,
  resolution: Exclude<Resolution, { kind: 'found' }>,
  language: Language,
): Reply {
  const t = strings[language];
  const quoted = quoteUserText(typed);
  const lines = [
    resolution.kind === 'dissolved'
      ? t.dissolved(
          resolution.former.label[language],
          formatWhen(resolution.former.until, language),
          resolution.suggestions.length,
        )
      : resolution.kind === 'ambiguous'
        ? t.countryAmbiguous(quoted)
        : t.countryNotFound(quoted),
  ];
  if (resolution.suggestions.length) {
    if (resolution.kind !== 'dissolved') lines.push(t.didYouMean);
    for (const country of resolution.suggestions)
      lines.push(`• ${countryLabel(country, language)} (\`${country.code}\`)`);
  }
  lines.push(t.tryAutocomplete);
  return { ephemeral: true, content: lines.join('\n') };
}

/** The line shown above an answer given for a former name, in italics: how the name was read. */
export function formerNameNote(typed: string, former: FormerName, country: Country, language: Language): string {
  const t = strings[language];
  const kind = former.kind === 'renamed' ? 'renamed' : 'successor';
  const until = formatDate(former.until, language);
  return `*${t.formerNameNote(quoteUserText(typed), former.label[language], labelIn(country, language), kind, until, formatWhen(former.until, language))}*`;
}
