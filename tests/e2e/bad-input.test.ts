// Whatever a member types into a string option, the bot answers helpfully, never crashes, and echoes nothing that
// pings or breaks formatting. Property-based: fast-check generates the input.
import fc from 'fast-check';
import type { APIInteractionResponseCallbackData } from 'discord-api-types/v10';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ADMIN_ACTOR, type SlashCommandSpec } from '../../src/harness/index.js';
import { startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld();
});
afterAll(() => world?.close());

const nasty = [
  '@everyone',
  '@here',
  '<@&123456789012345678>',
  '<@123456789012345678>',
  '<#123456789012345678>',
  '[free nitro](https://evil.example)',
  '**bold** __under__ ~~strike~~ `code` ||spoiler||',
  '# Heading',
  '> quote',
  '```',
  '\u202Eevil\u202C',
  'Sy\u200Bria',
  'Syri\u0301a',
  'e\u0301\u0302\u0303\u0304',
  '🇰🇷🇰🇵🏳️‍🌈',
  'مصر',
  'שלום',
  '\u0000\u0007\u001b[31m',
  ' ',
  '\t\n',
  'a'.repeat(100),
  '%s %d {{x}} ${x}',
  "'; DROP TABLE countries; --",
];
const typed = fc.oneof(
  fc.constantFrom(...nasty),
  fc.string({ minLength: 1, maxLength: 100 }),
  fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }),
  fc.string({ unit: 'binary', minLength: 1, maxLength: 100 }),
);
/** What autocomplete may be sent while typing: anything, up to 6,000 characters. */
const partial = fc.oneof(
  typed,
  fc.constant(''),
  fc.string({ minLength: 100, maxLength: 6000 }),
  fc.constant('x'.repeat(6000)),
);

function visibleText(data: APIInteractionResponseCallbackData): string {
  const embeds = data.embeds ?? [];
  return [
    data.content ?? '',
    ...embeds.flatMap((embed) => [
      embed.title ?? '',
      embed.description ?? '',
      ...(embed.fields ?? []).map((f) => f.value),
    ]),
  ].join('\n');
}

/** Nothing that would ping or turn into a link or markup once Discord renders it. */
function expectHarmless(data: APIInteractionResponseCallbackData) {
  expect(data.allowed_mentions).toEqual({ parse: [] });
  const text = visibleText(data);
  expect(text).not.toMatch(/(?<!\\)@(everyone|here)/);
  expect(text).not.toMatch(/(?<!\\)<(@[&!]?|#)\d+>/);
  expect(text).not.toContain('evil.example)');
  // Control characters (other than tab and newline) and the right-to-left override are dropped from echoes.
  expect([...text].some((char) => (char < ' ' && char !== '\n' && char !== '\t') || char === '\u202e')).toBe(false);
  expect(text).not.toContain('Sorry, something went wrong');
}

const stats = { slash: 0, autocomplete: 0 };

async function slash(spec: SlashCommandSpec, actor = {}) {
  stats.slash++;
  const result = await world.discord.slash(spec, actor);
  expectHarmless(result.data);
  return result;
}

describe('any text in a string option', () => {
  it('/relations country: and with:', async () => {
    await fc.assert(
      fc.asyncProperty(typed, typed, async (country, other) => {
        const result = await slash({ name: 'relations', options: { country, with: other } });
        if (result.ephemeral) expect(result.data.content?.length).toBeGreaterThan(0);
        else expect(result.data.embeds?.length).toBe(1);
      }),
      { numRuns: 60 },
    );
  });

  it('/country country:, /news item:', async () => {
    await fc.assert(
      fc.asyncProperty(typed, async (text) => {
        await slash({ name: 'country', options: { country: text } });
        await slash({ name: 'news', options: { item: text } });
      }),
      { numRuns: 60 },
    );
  });

  it('/daily set time: and timezone: (as an admin)', async () => {
    await fc.assert(
      fc.asyncProperty(
        typed.filter((t) => t.length >= 3 && t.length <= 5),
        typed.filter((t) => t.length <= 64),
        async (time, timezone) => {
          const result = await slash(
            { name: 'daily', subcommand: 'set', options: { channel: world.discord.defaultChannelId, time, timezone } },
            ADMIN_ACTOR,
          );
          expect(result.ephemeral).toBe(true);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('autocomplete of every option, up to 6,000 characters', async () => {
    const options: [string, string, object][] = [
      ['/relations country:', 'country', {}],
      ['/relations country:Syria with:', 'with', {}],
      ['/country country:', 'country', {}],
      ['/news item:', 'item', {}],
      ['/daily set channel:#general timezone:', 'timezone', ADMIN_ACTOR],
    ];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...options), partial, async ([line, focused, actor], text) => {
        stats.autocomplete++;
        const choices = await world.discord.autocomplete(
          {
            name: line.split(' ')[0]!.slice(1),
            ...(line.startsWith('/daily') && { subcommand: 'set' }),
            options: {
              ...(line.includes('Syria') && { country: 'Syria' }),
              ...(line.startsWith('/daily') && { channel: world.discord.defaultChannelId }),
              [focused]: text,
            },
          },
          focused,
          actor,
        );
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect(choice.name.length).toBeGreaterThan(0);
          expect(choice.name.length).toBeLessThanOrEqual(100);
          expect(String(choice.value).length).toBeLessThanOrEqual(100);
        }
      }),
      { numRuns: 120 },
    );
  });

  it('never made a request Discord would not know', () => {
    expect(world.discord.unhandledRequests()).toEqual([]);
    expect(stats).toEqual({ slash: 60 + 2 * 60 + 40, autocomplete: 120 });
  });
});
