// The whole /relations answer, its buttons included, written once per answer, language and UTC day and handed out
// again after that: the hottest command then renders a pair once a day instead of on every call. Only those inputs
// change the text ("how long ago" counts whole months, in UTC); notes, which depend on what was typed, are not kept.
import type { RelationAnswer } from '../facts/relations.js';
import type { SourceBook } from '../facts/sources.js';
import { relationButtons } from './explore.js';
import type { Language } from './i18n.js';
import { relationReply } from './relation.js';
import type { Reply } from './reply.js';

/**
 * Kept per answer object: the facts hand out the same object for a pair while they remember it, and an answer they
 * forget takes its replies with it.
 */
const written = new WeakMap<RelationAnswer, Map<string, Reply>>();

/** Days kept per answer and language: yesterday's replies go once a new day is written. */
const keptPerAnswer = 4;

/** The reply for an answer, with its buttons. It is shared: callers copy it before changing anything in it. */
export function relationAnswerReply(
  answer: RelationAnswer,
  language: Language,
  now: Date,
  sources: SourceBook,
  notes: readonly string[] = [],
): Reply {
  if (notes.length) return withButtons(answer, language, relationReply(answer, language, now, sources, notes));
  const key = `${language} ${now.toISOString().slice(0, 10)}`;
  let replies = written.get(answer);
  if (!replies) {
    replies = new Map();
    written.set(answer, replies);
  }
  let reply = replies.get(key);
  if (!reply) {
    reply = withButtons(answer, language, relationReply(answer, language, now, sources));
    if (replies.size >= keptPerAnswer) replies.clear();
    replies.set(key, reply);
  }
  return reply;
}

/** Private answers (a country with itself) get no buttons. */
function withButtons(answer: RelationAnswer, language: Language, reply: Reply): Reply {
  return reply.ephemeral ? reply : { ...reply, components: relationButtons(answer, language) };
}
