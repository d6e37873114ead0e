// Answers with a map when it is ready in time, and never lets a map delay or break the answer.
//
// Almost every map is ready well within the wait (a cached one at once, a new one in ~50–100 ms on the worker).
// When one is not — the worker starting, the machine busy — the text answer goes out at the end of the wait, and the
// map is added to the same message by an edit when it arrives: the reader gets the facts without a "thinking…"
// pause, and the picture a moment later. A map that fails is logged and left out; the answer stands.
import type { Country, Language } from '../facts/countries.js';
import type { Logger } from '../logger.js';
import { mapWords } from '../render/map/palette.js';
import { pairMapRequest, worldMapRequest } from '../render/map/request.js';
import type { Reply } from '../render/reply.js';
import type { Services } from './command.js';
import type { InteractionContext } from './interaction.js';

/** How long an answer waits for its map: well inside Discord's 3 seconds, with room for a busy machine. */
export const mapWaitMs = 1200;

export interface MapImage {
  png: Promise<Buffer>;
  /** Alt text for the attachment. */
  description: string;
}

const fileName = 'map.png';

/** The reply with the map attached and shown as its first embed's image. */
export function withMap(reply: Reply, png: Uint8Array, description: string): Reply {
  const [first, ...rest] = reply.embeds ?? [];
  if (!first) return reply;
  return {
    ...reply,
    embeds: [{ ...first, image: { url: `attachment://${fileName}` } }, ...rest],
    files: [{ name: fileName, data: png, contentType: 'image/png', description }],
  };
}

export async function replyWithMap(
  interaction: InteractionContext,
  reply: Reply,
  map: MapImage | undefined,
  log: Logger,
  waitMs = mapWaitMs,
): Promise<void> {
  if (!map || reply.ephemeral || !reply.embeds?.length) return interaction.reply(reply);
  const png = map.png.then(
    (bytes) => bytes,
    (error: unknown) => {
      log.warn({ err: error, ref: interaction.id }, 'map could not be drawn; answering without it');
      return undefined;
    },
  );
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => (timer = setTimeout(() => resolve('late'), waitMs)));
  const first = await Promise.race([png, late]).finally(() => clearTimeout(timer));
  if (first !== 'late') {
    if (!first) return interaction.reply(reply);
    try {
      return await interaction.reply(withMap(reply, first, map.description));
    } catch (error) {
      // An upload Discord refused must not cost the answer: send it again without the picture.
      if (interaction.answered) throw error;
      log.warn({ err: error, ref: interaction.id }, 'the answer with its map was refused; answering without it');
      return interaction.reply(reply);
    }
  }
  await interaction.reply(reply);
  const bytes = await png;
  if (!bytes) return;
  await interaction
    .editReply(withMap(reply, bytes, map.description))
    .catch((error: unknown) => log.warn({ err: error, ref: interaction.id }, 'could not add the map to the answer'));
}

/** The world map of a country's relations, when the bot draws maps. */
export function worldMapOf(services: Services, country: Country, language: Language): MapImage | undefined {
  if (!services.maps) return undefined;
  return {
    png: services.maps.render(worldMapRequest(services.facts, country, language)),
    description: mapWords[language].worldAlt(country.name[language]),
  };
}

/** The small map of a pair, when the bot draws maps. */
export function pairMapOf(services: Services, a: Country, b: Country, language: Language): MapImage | undefined {
  if (!services.maps) return undefined;
  return {
    png: services.maps.render(pairMapRequest(a, b, language)),
    description: mapWords[language].pairAlt(a.name[language], b.name[language]),
  };
}
