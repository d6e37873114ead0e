// A Discord message payload as plain terminal text, so a newcomer can read the bot's replies.
import type { APIEmbed, APIInteractionResponseCallbackData, APIMessageComponent } from 'discord-api-types/v10';

/** Links as "name <url>", and Discord timestamps as the UTC time they stand for. */
function markdownLinksAsText(text: string): string {
  return text
    .replace(/\[([^\]]+)\]\((https?:[^)]+)\)/g, '$1 <$2>')
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

function componentsAsText(rows: readonly APIMessageComponent[]): string[] {
  const buttons: string[] = [];
  const walk = (components: readonly APIMessageComponent[]) => {
    for (const component of components) {
      if ('components' in component && Array.isArray(component.components)) walk(component.components);
      if ('label' in component && component.label) {
        const id = 'custom_id' in component ? component.custom_id : 'url' in component ? component.url : '';
        buttons.push(`[${component.label}${'disabled' in component && component.disabled ? ' (disabled)' : ''}] ${id}`);
      }
    }
  };
  walk(rows);
  return buttons.length ? [`buttons: ${buttons.join('  ')}`] : [];
}

export function messageAsText(data: APIInteractionResponseCallbackData, ephemeral: boolean): string {
  const lines: string[] = [];
  if (ephemeral) lines.push('(only you can see this)');
  if (data.content) lines.push(markdownLinksAsText(data.content));
  for (const embed of data.embeds ?? []) lines.push(...embedAsText(embed));
  lines.push(...componentsAsText(data.components ?? []));
  return lines.join('\n');
}
