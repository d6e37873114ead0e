// What a user sees when a country they typed cannot be pinned down: the closest names to try.
import type { Resolution } from '../facts/search.js';
import { strings, type Language } from './i18n.js';
import { countryLabel } from './relation.js';
import { quoteUserText, type Reply } from './reply.js';

export function countryNotFoundReply(
  typed: string,
  resolution: Exclude<Resolution, { kind: 'found' }>,
  language: Language,
): Reply {
  const t = strings[language];
  const quoted = quoteUserText(typed);
  const lines = [resolution.kind === 'ambiguous' ? t.countryAmbiguous(quoted) : t.countryNotFound(quoted)];
  if (resolution.suggestions.length) {
    lines.push(t.didYouMean);
    for (const country of resolution.suggestions) lines.push(`• ${countryLabel(country, language)} (\`${country.code}\`)`);
  }
  lines.push(t.tryAutocomplete);
  return { ephemeral: true, content: lines.join('\n') };
}
