// `npm run playground`: the real bot against the fake Discord, no token needed. Type a slash command and read
// the reply; click buttons by number or label; let time pass to see a quiz's reveals. Settings and scores are kept
// in var/playground.sqlite between runs (--fresh starts over).
// `npm run -s playground -- --eval "/relations country:Syria" [--eval ":click 1" …] [--json] [--locale ko] [--admin]`
// runs the lines in order and exits. `--mode http` runs the bot as an HTTP interactions endpoint (no gateway): the
// fake Discord signs each interaction and POSTs it there.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { startBot } from '../bot/app.js';
import { configFromEnv } from '../config.js';
import { FakeDiscord, type ActorSpec, type InteractionResult } from '../harness/index.js';
import { projectRoot } from '../paths.js';
import { buttonsOf, messageAsText, useNames } from './as-text.js';

const { values } = parseArgs({
  options: {
    eval: { type: 'string', multiple: true },
    json: { type: 'boolean', default: false },
    locale: { type: 'string', default: 'en-US' },
    admin: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
    mode: { type: 'string', default: 'gateway' },
  },
});
if (values.mode !== 'gateway' && values.mode !== 'http') {
  process.stderr.write('playground: --mode is gateway or http\n');
  process.exit(1);
}
const http = values.mode === 'http';

const storeUrl = process.env.STORE_URL ?? `sqlite://${join(projectRoot, 'var', 'playground.sqlite')}`;
const storeFile = storeUrl.startsWith('sqlite://') ? storeUrl.slice('sqlite://'.length) : undefined;
if (values.fresh && storeFile) rmSync(storeFile, { force: true });

const ADMIN = (1n << 5n) | (1n << 10n) | (1n << 11n); // Manage Server, View Channel, Send Messages
/** The playground's clock runs ahead when you type :wait, so a quiz's rounds close without waiting for real. */
let aheadMs = 0;
const now = () => new Date(Date.now() + aheadMs);

const discord = await FakeDiscord.start();
const bot = await startBot({
  config: configFromEnv({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    STORE_URL: storeUrl,
    DEFAULT_COUNTRY: process.env.DEFAULT_COUNTRY ?? 'KR',
    // Warnings (a quiz left over from the last run, say) are for operators, not for someone trying the bot.
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'error',
    ...(http && { INTERACTIONS_MODE: 'http', DISCORD_PUBLIC_KEY: discord.publicKey }),
  }),
  now,
  syncCommands: 'always',
  ...(http && { port: 0, host: '127.0.0.1' }),
});
// As saving the Interactions Endpoint URL in the developer portal: Discord checks it with a PING, then POSTs there.
if (bot.interactionsUrl) await discord.setInteractionsEndpoint(bot.interactionsUrl);

const guild = discord.guild(discord.defaultGuildId);
useNames({
  channel: (id) => guild?.channels.find((channel) => channel.id === id)?.name,
  user: (id) =>
    id === discord.botUser.id
      ? discord.botUser.username
      : id === discord.defaultUser.id
        ? discord.defaultUser.username
        : undefined,
});

const actor: ActorSpec = { locale: values.locale as ActorSpec['locale'] };
const setAdmin = (admin: boolean) => {
  if (admin) actor.permissions = ADMIN;
  else delete actor.permissions;
};
setAdmin(values.admin ?? false);

/** The last reply with buttons, and how many of its follow-ups were shown. */
let last: { result: InteractionResult; followupsShown: number } | undefined;

function show(result: InteractionResult, json: boolean): string {
  if (json) return JSON.stringify(result.choices ?? result.data, null, 2);
  if (result.choices)
    return result.choices.map((choice) => `${String(choice.value).padEnd(4)} ${choice.name}`).join('\n');
  return messageAsText(result.data, result.ephemeral);
}

function remember(result: InteractionResult): InteractionResult {
  // A private reply with buttons (/quiz daily) is clicked the same way.
  if (buttonsOf(result.message.components).length) last = { result, followupsShown: 0 };
  return result;
}

const memberHint =
  '(This is what a member without Manage Server sees. Run the playground with --admin, or type :admin, to act as a server admin.)';

async function slash(line: string, json: boolean): Promise<string> {
  try {
    return show(remember(await discord.slash(line, actor)), json);
  } catch (error) {
    // Discord would not even offer an admin command to a member. Open it to everyone here, so the member sees the
    // bot's own refusal, and say how to play an admin.
    if (!/default_member_permissions/.test((error as Error).message)) throw error;
    const name = line.trim().slice(1).split(/\s+/)[0] ?? '';
    discord.allowCommandForEveryone(name);
    return `${show(await discord.slash(line, actor), json)}\n${memberHint}`;
  }
}

async function click(target: string, json: boolean): Promise<string> {
  if (!last)
    return 'Nothing to click yet: start a quiz (/quiz start, /quiz daily) or ask for a page (/quiz leaderboard).';
  const message = discord.message(last.result.message.id) ?? last.result.message;
  const buttons = buttonsOf(message.components);
  const picked = /^\d+$/.test(target)
    ? buttons[Number(target) - 1]
    : buttons.find((button) => button.label.toLowerCase().includes(target.toLowerCase()));
  if (!picked) return `No button ${target}: ${buttons.map((b, i) => `${i + 1}) ${b.label}`).join('  ')}`;
  if (!picked.customId) return `That button is a link: ${picked.url}`;
  const result = await discord.click(message, picked.customId, actor);
  // A page button, or an answer of /quiz daily, replaces the message it is on: it stays the one to click next.
  if (result.type === 7 && buttonsOf(result.message.components).length) {
    last = { result: { ...last.result, message: result.message }, followupsShown: last.followupsShown };
  }
  return show(result, json);
}

/** Lets time pass: the daily schedule and the quizzes see the clock move, then anything new is shown. */
async function wait(seconds: number, json: boolean): Promise<string> {
  aheadMs += seconds * 1000;
  await bot.scheduler.runDue();
  await bot.quizzes.tick();
  const out = [`(${seconds} s later)`];
  if (last) {
    const original = discord.message(last.result.message.id);
    if (original) out.push(messageAsText(original, false));
    const fresh = last.result.followups.slice(last.followupsShown);
    last.followupsShown = last.result.followups.length;
    for (const message of fresh) out.push('', json ? JSON.stringify(message, null, 2) : messageAsText(message, false));
    // The newest question is the message to click next.
    const newest = fresh.at(-1);
    if (newest && buttonsOf(newest.components).length) {
      last = { result: { ...last.result, message: newest }, followupsShown: last.followupsShown };
    }
  }
  return out.join('\n');
}

let json = values.json ?? false;

async function run(line: string): Promise<string> {
  const [word, ...rest] = line.split(/\s+/);
  switch (word) {
    case ':locale':
      actor.locale = (rest[0] ?? 'en-US') as ActorSpec['locale'];
      return `Replies now in ${actor.locale}.`;
    case ':json':
      json = !json;
      return json ? 'Raw payloads on.' : 'Raw payloads off.';
    case ':admin':
      setAdmin(actor.permissions === undefined);
      return actor.permissions === undefined ? 'You are a member again.' : 'You are a server admin (Manage Server).';
    case ':click':
      return click(rest.join(' '), json);
    case ':wait':
      return wait(rest[0] ? Number(rest[0]) : 20, json);
    default:
      break;
  }
  const complete = line.match(/^\?\s*(.+)$/);
  if (complete) {
    const command = complete[1]!;
    const focused = [...command.matchAll(/(\w+):/g)].at(-1)?.[1];
    if (!focused) return 'Write the option to complete, e.g. ?/relations country:sir';
    const choices = await discord.autocomplete(command, focused, actor);
    return show({ choices } as InteractionResult, json);
  }
  return slash(line, json);
}

async function shutdown(code: number): Promise<never> {
  await bot.stop();
  await discord.close();
  process.exit(code);
}

if (values.eval !== undefined) {
  try {
    for (const line of values.eval) process.stdout.write(`${await run(line.trim())}\n\n`);
    await shutdown(0);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n`);
    await shutdown(1);
  }
}

process.stdout.write(
  [
    'attache playground: the real bot, talking to a fake Discord on this machine.',
    'Type a command, e.g.  /relations country:Syria   /relations country:Malaysia with:North Korea   /country country:KP   /help',
    'Autocomplete: start the line with ?, e.g.  ?/relations country:sirya',
    'A quiz: /quiz start rounds:2, then :click 1 (or :click Japan) to answer and :wait to let the round close.',
    'Other: :admin (act as a server admin, for /daily and /settings), :locale ko, :locale en-US, :json, :quit',
    storeFile
      ? `Settings and scores are kept in ${storeFile} between runs; start with --fresh to forget them.`
      : `Settings and scores are kept in ${storeUrl}.`,
    '',
  ].join('\n'),
);
const input = createInterface({ input: process.stdin, output: process.stdout, prompt: 'attache> ' });
input.prompt();
for await (const raw of input) {
  const line = raw.trim();
  if (line === ':quit' || line === ':q' || line === 'exit') break;
  try {
    if (line) process.stdout.write(`${await run(line)}\n`);
  } catch (error) {
    process.stdout.write(`${(error as Error).message}\n`);
  }
  input.prompt();
}
await shutdown(0);
