// Sends each interaction to its command's handler. Whatever a handler throws, the user gets a short apology
// (never a stack trace) and the log gets the details with a reference the user can quote.
import type { Interaction } from 'discord.js';
import { languageOf, strings } from '../render/i18n.js';
import { StoreUnavailableError } from '../store/open-store.js';
import type { BotContext } from './command.js';
import type { CommandRegistry } from './registry.js';
import { respond } from './respond.js';

function commandNameOf(interaction: Interaction): string | undefined {
  if (interaction.isChatInputCommand() || interaction.isAutocomplete()) return interaction.commandName;
  if (interaction.isMessageComponent() || interaction.isModalSubmit()) return interaction.customId.split(':')[0];
  return undefined;
}

export async function routeInteraction(
  interaction: Interaction,
  registry: CommandRegistry,
  ctx: BotContext,
): Promise<void> {
  const name = commandNameOf(interaction);
  const command = name ? registry.get(name) : undefined;
  // A child logger costs an allocation per interaction; build it only when something is logged.
  const log = () => ctx.log.child({ ref: interaction.id, command: name, type: interaction.type });
  const t = strings[languageOf(interaction.locale)];
  try {
    if (interaction.isAutocomplete()) {
      await (command?.autocomplete ? command.autocomplete(interaction, ctx) : interaction.respond([]));
    } else if (interaction.isChatInputCommand()) {
      if (!command) await respond(interaction, { ephemeral: true, content: t.unknownCommand });
      else await command.execute(interaction, ctx);
    } else if (interaction.isMessageComponent()) {
      if (!command?.component) await respond(interaction, { ephemeral: true, content: t.unknownCommand });
      else await command.component(interaction, ctx);
    }
    if (ctx.log.isLevelEnabled('debug')) log().debug('interaction handled');
  } catch (error) {
    const storeDown = error instanceof StoreUnavailableError;
    if (storeDown) log().warn({ err: error }, 'interaction needed the store, which is unavailable');
    else log().error({ err: error }, 'interaction failed');
    if (!interaction.isRepliable()) {
      if (interaction.isAutocomplete() && !interaction.responded) await interaction.respond([]).catch(() => undefined);
      return;
    }
    const content = storeDown ? t.storeUnavailable : t.somethingWentWrong(interaction.id);
    await respond(interaction, { ephemeral: true, content }).catch((sendError: unknown) =>
      log().warn({ err: sendError }, 'could not send the apology'),
    );
  }
}
