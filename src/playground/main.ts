// `npm run playground`: the real bot against the fake Discord, no token needed. Type a slash command and read
// the reply. `npm run -s playground -- --eval "/relations country:Syria" [--json] [--locale ko]` answers once.
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { startBot } from '../bot/app.js';
import { configFromEnv } from '../config.js';
import { FakeDiscord, type ActorSpec, type InteractionResult } from '../harness/index.js';
import { messageAsText } from './as-text.js';

const { values } = parseArgs({
  options: {
    eval: { type: 'string' },
    json: { type: 'boolean', default: false },
    locale: { type: 'string', default: 'en-US' },
    admin: { type: 'boolean', default: false },
  },
});

const MANAGE_GUILD = 1n << 5n;
const discord = await FakeDiscord.start();
const bot = await startBot({
  config: configFromEnv({
    DISCORD_TOKEN: discord.token,
    DISCORD_API_URL: discord.apiUrl,
    STORE_URL: process.env.STORE_URL ?? 'memory://',
    DEFAULT_COUNTRY: process.env.DEFAULT_COUNTRY ?? 'KR',
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
  }),
});

const actor: ActorSpec = { locale: values.locale as ActorSpec['locale'] };
if (values.admin) actor.permissions = MANAGE_GUILD | (1n << 10n) | (1n << 11n);

function show(result: InteractionResult, json: boolean): string {
  if (json) return JSON.stringify(result.choices ?? result.data, null, 2);
  if (result.choices)
    return result.choices.map((choice) => `${String(choice.value).padEnd(4)} ${choice.name}`).join('\n');
  return messageAsText(result.data, result.ephemeral);
}

async function run(line: string, json: boolean): Promise<string> {
  const complete = line.match(/^\?\s*(.+)$/);
  if (complete) {
    const command = complete[1]!;
    const focused = [...command.matchAll(/(\w+):/g)].at(-1)?.[1];
    if (!focused) return 'Write the option to complete, e.g. ?/relations country:sir';
    const choices = await discord.autocomplete(command, focused, actor);
    return show({ choices } as InteractionResult, json);
  }
  return show(await discord.slash(line, actor), json);
}

async function shutdown(code: number): Promise<never> {
  await bot.stop();
  await discord.close();
  process.exit(code);
}

if (values.eval !== undefined) {
  try {
    process.stdout.write(`${await run(values.eval, values.json ?? false)}\n`);
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
    'Other: :locale ko (reply in Korean), :locale en-US, :json (toggle raw payloads), :quit',
    '',
  ].join('\n'),
);
let json = values.json ?? false;
const input = createInterface({ input: process.stdin, output: process.stdout, prompt: 'attache> ' });
input.prompt();
for await (const raw of input) {
  const line = raw.trim();
  if (line === ':quit' || line === ':q' || line === 'exit') break;
  try {
    if (line.startsWith(':locale')) actor.locale = (line.split(/\s+/)[1] ?? 'en-US') as ActorSpec['locale'];
    else if (line === ':json') json = !json;
    else if (line) process.stdout.write(`${await run(line, json)}\n`);
  } catch (error) {
    process.stdout.write(`${(error as Error).message}\n`);
  }
  input.prompt();
}
await shutdown(0);
