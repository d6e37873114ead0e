// What a command sends back, as plain Discord API values, plus the small text rules all replies share.
import type { APIActionRowComponent, APIComponentInMessageActionRow, APIEmbed } from 'discord-api-types/v10';

export interface Reply {
  content?: string;
  embeds?: APIEmbed[];
  components?: APIActionRowComponent<APIComponentInMessageActionRow>[];
  /** Only the person who asked sees it. */
  ephemeral?: boolean;
  /** Files sent with it (multipart); an embed shows one with `attachment://<name>`. */
  files?: ReplyFile[];
}

export interface ReplyFile {
  name: string;
  data: Uint8Array;
  contentType?: string;
  /** Alt text, shown to screen readers. */
  description?: string;
}

/** Discord's limits that replies must respect. */
export const limits = { title: 256, description: 4096, fieldName: 256, fieldValue: 1024, fields: 25, choiceName: 100 };

export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/**
 * Makes user-typed text safe to echo: no control or invisible characters, markdown and mentions shown literally,
 * and short enough to read.
 */
export function quoteUserText(text: string, max = 80): string {
  const visible = text.replace(/[\p{Cc}\p{Cf}]/gu, '').trim();
  const short = clip(visible, max);
  return short.replace(/[\\*_~`|>#[\]()<:@-]/g, '\\$&');
}

/** Joins lines into a field value that fits, ending with "…and N more" when some had to go. */
export function fitLines(lines: string[], more: (count: number) => string, max = limits.fieldValue): string {
  const kept: string[] = [];
  let length = 0;
  for (const [index, line] of lines.entries()) {
    const left = lines.length - index - 1;
    const reserve = left > 0 ? more(left).length + 1 : 0;
    if (length + line.length + 1 + reserve > max) {
      kept.push(more(lines.length - index));
      break;
    }
    kept.push(line);
    length += line.length + 1;
  }
  return kept.join('\n');
}

/** Joins items on one line with commas, ending with "…and N more" when some had to go: never a cut name. */
export function fitInline(items: readonly string[], more: (count: number) => string, max = limits.fieldValue): string {
  let text = '';
  for (const [index, item] of items.entries()) {
    const next = text ? `${text}, ${item}` : item;
    const left = items.length - index - 1;
    if (next.length + (left > 0 ? more(left).length + 2 : 0) > max) return `${text}, ${more(items.length - index)}`;
    text = next;
  }
  return text;
}

/** Source URLs as short links named by their publisher or title (see SourceBook.label), each URL once. */
export function sourceLinks(
  urls: readonly string[],
  more: (count: number) => string,
  label: (url: string) => string,
): string {
  const links = [...new Set(urls)].map((url) => {
    let name = url;
    try {
      name = label(url);
    } catch {
      // Sources are validated as URLs at start-up; keep the raw text if one still fails here.
    }
    return `[${name.replace(/[[\]]/g, '')}](${url})`;
  });
  return fitLines(links, more);
}
