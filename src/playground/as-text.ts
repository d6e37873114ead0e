// A Discord message payload as plain terminal text, so a newcomer can read the bot's replies.
import type { APIEmbed, APIInteractionResponseCallbackData, APIMessageComponent } from 'discord-api-types/v10';

/** How a channel, user or role id reads in Discord: #general, @alice. */
export interface Names {
  channel(id: string): string | undefined;
  user(id: string): string | undefined;
}

let names: Names | undefined;

/** Mentions show as names from now on (the playground knows its fake server's channels and people). */
export function useNames(known: Names): void {
  names = known;
}

/** Links as "name <url>", Discord timestamps as the UTC time they stand for, and mentions as names. */
function markdownLinksAsText(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '$1 <$2>')
    .replace(/<#(\d+)>/g, (raw, id: string) => (names?.channel(id) ? `#${names.channel(id)}` : raw))
    .replace(/<@!?(\d+)>/g, (raw, id: string) => (names?.user(id) ? `@${names.user(id)}` : raw))
    .replace(/<t:(\d+):[a-zA-Z]>/g, (_, seconds: string) =>
      new Date(Number(seconds) * 1000)
        .toISOString()
        .replace(/:\d\d\.\d+Z$/, ' UTC')
        .replace('T', ' '),
    );
}

function embedAsText(embed: APIEmbed): string[] {
  const lines: string[] = [];
  if (embed.title) lines.push(`┃ ${embed.title}`);
  if (embed.description) lines.push(...embed.description.split('\n').map((line) => `┃ ${markdownLinksAsText(line)}`));
  for (const field of embed.fields ?? []) {
    lines.push(`┃`, `┃ ${field.name}`);
    lines.push(...field.value.split('\n').map((line) => `┃   ${markdownLinksAsText(line)}`));
  }
  if (embed.footer?.text) lines.push(`┃`, `┃ ${embed.footer.text}`);
  return lines;
}

export interface Button {
  label: string;
  customId?: string;
  url?: string;
  disabled: boolean;
}

/** The buttons of a message, in order: what `:click 1` or `:click Japan` picks from. */
export function buttonsOf(rows: readonly APIMessageComponent[] | undefined): Button[] {
  const buttons: Button[] = [];
  const walk = (components: readonly APIMessageComponent[]) => {
    for (const component of components) {
      if ('components' in component && Array.isArray(component.components)) walk(component.components);
      if ('label' in component && component.label) {
        buttons.push({
          label: component.label,
          ...('custom_id' in component && { customId: component.custom_id }),
          ...('url' in component && { url: component.url }),
          disabled: 'disabled' in component && Boolean(component.disabled),
        });
      }
    }
  };
  walk(rows ?? []);
  return buttons;
}

function componentsAsText(rows: readonly APIMessageComponent[]): string[] {
  const buttons = buttonsOf(rows).map(
    (button, index) =>
      `${index + 1}) [${button.label}]${button.disabled ? ' (disabled)' : ''}${button.url ? ` <${button.url}>` : ''}`,
  );
  return buttons.length ? [`buttons: ${buttons.join('  ')}   (click with :click N or :click <label>)`] : [];
}

export function messageAsText(data: APIInteractionResponseCallbackData, ephemeral: boolean): string {
  const lines: string[] = [];
  if (ephemeral) lines.push('(only you can see this)');
  if (data.content) lines.push(markdownLinksAsText(data.content));
  for (const embed of data.embeds ?? []) lines.push(...embedAsText(embed));
  lines.push(...componentsAsText(data.components ?? []));
  return lines.join('\n');
}
