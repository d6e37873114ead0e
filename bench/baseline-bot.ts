// The baseline of the benchmark: the smallest discord.js v14 bot that answers the same interactions, so the
// difference to attache is attache's own cost. It answers every slash command with 'ok' and every autocomplete
// with one constant choice, and registers the same command definitions attache does (so the fake can parse the
// same lines). Like a typical bot it asks for the Guilds intent and keeps discord.js's default caches
// (BASELINE_INTENTS=none turns the intent off). Prints one JSON line on stdout when ready.
// Env: DISCORD_TOKEN, DISCORD_API_URL, BASELINE_COMMANDS_FILE (JSON array of definitions), BASELINE_INTENTS.
import { readFileSync } from 'node:fs';
import { Client, Events, GatewayIntentBits, Routes } from 'discord.js';

const token = process.env.DISCORD_TOKEN ?? '';
const api = process.env.DISCORD_API_URL ?? 'https://discord.com/api';
const definitions: unknown = JSON.parse(readFileSync(process.env.BASELINE_COMMANDS_FILE ?? '', 'utf8'));
const intents = process.env.BASELINE_INTENTS === 'none' ? [] : [GatewayIntentBits.Guilds];

// Sharded as Discord requires (one session per 2,500 servers at most): 'auto' asks GET /gateway/bot, as attache does.
const client = new Client({ intents, rest: { api }, shards: 'auto' });

client.on(Events.InteractionCreate, (interaction) => {
  if (interaction.isChatInputCommand()) {
    interaction.reply({ content: 'ok' }).catch((error: unknown) => console.error('reply failed', error));
  } else if (interaction.isAutocomplete()) {
    interaction
      .respond([{ name: 'ok', value: 'ok' }])
      .catch((error: unknown) => console.error('respond failed', error));
  }
});

client.once(Events.ClientReady, (ready) => {
  // An event listener's promise is not awaited by discord.js: a failed registration must end the process itself.
  ready.rest.put(Routes.applicationCommands(ready.application.id), { body: definitions }).then(
    () => process.stdout.write(`${JSON.stringify({ msg: 'baseline is ready', guilds: ready.guilds.cache.size })}\n`),
    (error: unknown) => {
      console.error('command registration failed', error);
      process.exit(1);
    },
  );
});

const shutdown = () => {
  void client.destroy().finally(() => process.exit(0));
};
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);

await client.login(token);
