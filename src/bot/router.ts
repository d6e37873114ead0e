// Sends each raw interaction to its command's handler, through one context built here. The command's requirements
// (a server, Manage Server) are checked before its handler runs. Whatever a handler throws, the user gets a short
// apology (never a stack trace) and the log gets the details with a reference the user can quote.
import {
  ApplicationCommandType,
  InteractionType,
  PermissionFlagsBits,
  type APIInteraction,
} from 'discord-api-types/v10';
import type { Language } from '../render/i18n.js';
import { commandOfCustomId } from '../render/custom-id.js';
import { StoreUnavailableError } from '../store/open-store.js';
import type { AutocompleteContext, Command, ComponentContext, Services, SlashContext } from './command.js';
import { InteractionContext, type AnswerableInteraction, type InteractionApi } from './interaction.js';
import { focusedOption, readInvocation } from './options.js';
import type { CommandRegistry } from './registry.js';

/** How long an interaction waits for its server's settings before going on without them. */
const settingsLimitMs = 300;

function commandNameOf(raw: APIInteraction): string | undefined {
  switch (raw.type) {
    case InteractionType.ApplicationCommand:
    case InteractionType.ApplicationCommandAutocomplete:
      return raw.data.name;
    case InteractionType.MessageComponent:
    case InteractionType.ModalSubmit: {
      // Discord always sends one; anything else is input that must not take the bot down.
      const customId: unknown = raw.data?.custom_id;
      return typeof customId === 'string' ? commandOfCustomId(customId) : undefined;
    }
    default:
      return undefined;
  }
}

/** The command's name as the reader sees it in the command list. */
function shownName(command: Command, language: Language): string {
  return `/${(language === 'ko' && command.data.name_localizations?.ko) || command.data.name}`;
}

/** The reply that refuses a command whose requirements are not met, or undefined when they are. */
function refusal(command: Command, interaction: InteractionContext): string | undefined {
  const needs = command.requires;
  if (!needs) return undefined;
  const name = shownName(command, interaction.language);
  if ((needs.guild || needs.manageServer) && !interaction.guildId) return interaction.t.serverOnly(name);
  // Discord hides such a command from members without the permission, but a server's admins can open it to anyone.
  if (needs.manageServer && !interaction.hasPermission(PermissionFlagsBits.ManageGuild))
    return interaction.t.needsManageServer(name);
  return undefined;
}

async function dispatch(
  raw: AnswerableInteraction,
  interaction: InteractionContext,
  command: Command | undefined,
  services: Services,
): Promise<void> {
  switch (raw.type) {
    case InteractionType.ApplicationCommandAutocomplete: {
      const focused = command?.autocomplete && focusedOption(raw.data);
      if (!command?.autocomplete || !focused) return interaction.choices([]);
      return command.autocomplete(Object.assign(interaction as AutocompleteContext, { focused }), services);
    }
    case InteractionType.ApplicationCommand: {
      if (!command || raw.data.type !== ApplicationCommandType.ChatInput) {
        return interaction.reply({ ephemeral: true, content: interaction.t.unknownCommand });
      }
      const refused = refusal(command, interaction);
      if (refused) return interaction.reply({ ephemeral: true, content: refused });
      const invocation = readInvocation(raw.data) as SlashContext['invocation'];
      return command.execute(Object.assign(interaction as SlashContext, { invocation }), services);
    }
    case InteractionType.MessageComponent: {
      if (!command?.component) return interaction.reply({ ephemeral: true, content: interaction.t.unknownCommand });
      const refused = refusal(command, interaction);
      if (refused) return interaction.reply({ ephemeral: true, content: refused });
      const values = 'values' in raw.data ? raw.data.values : [];
      const extra = { customId: raw.data.custom_id, values };
      return command.component(Object.assign(interaction as ComponentContext, extra), services);
    }
    default:
      return undefined;
  }
}

export async function routeInteraction(
  raw: APIInteraction,
  registry: CommandRegistry,
  services: Services,
  api: InteractionApi,
): Promise<void> {
  const name = commandNameOf(raw);
  const command = name ? registry.get(name) : undefined;
  if (raw.type === InteractionType.Ping) return; // only an HTTP endpoint gets PING, and answers it before routing
  const interaction = new InteractionContext(raw, api);
  // A child logger costs an allocation per interaction; build it only when something is logged.
  const log = () => services.log.child({ ref: raw.id, command: name, type: raw.type });
  try {
    if (raw.guild_id && services.servers) {
      const { language } = await services.servers.quickly(raw.guild_id, settingsLimitMs);
      if (language) interaction.useLanguage(language);
    }
    await dispatch(raw, interaction, command, services);
    if (services.log.isLevelEnabled('debug')) log().debug('interaction handled');
  } catch (error) {
    const storeDown = error instanceof StoreUnavailableError;
    if (storeDown) log().warn({ err: error }, 'interaction needed the store, which is unavailable');
    else log().error({ err: error }, 'interaction failed');
    if (raw.type === InteractionType.ApplicationCommandAutocomplete) {
      if (!interaction.answered) await interaction.choices([]).catch(() => undefined);
      return;
    }
    const content = storeDown ? interaction.t.storeUnavailable : interaction.t.somethingWentWrong(raw.id);
    await interaction
      .reply({ ephemeral: true, content })
      .catch((sendError: unknown) => log().warn({ err: sendError }, 'could not send the apology'));
  }
}

/** While shutting down: say so instead of starting work that may be cut off. */
export async function refuseWhileRestarting(raw: APIInteraction, api: InteractionApi): Promise<void> {
  if (raw.type === InteractionType.Ping) return;
  const interaction = new InteractionContext(raw, api);
  if (raw.type === InteractionType.ApplicationCommandAutocomplete) return interaction.choices([]);
  await interaction.reply({ ephemeral: true, content: interaction.t.restarting });
}
