// A command handler that throws or rejects: the user gets a private apology with a reference, the log gets the
// error with the command and that reference, and the bot keeps answering.
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';
import { startWorld, type World } from './world.js';

let world: World;
beforeAll(async () => {
  world = await startWorld({ commandsDir: join(projectRoot, 'tests/e2e/fixtures/commands') });
});
afterAll(() => world?.close());

describe('a failing handler', () => {
  it.each(['throw', 'deferred'])('%s: apologises privately with a reference, logs it, and carries on', async (how) => {
    const result = await world.discord.slash(`/boom how:${how}`, { locale: 'en-US' });
    const reference = result.id;
    const text = how === 'deferred' ? (result.followups.at(-1)?.content ?? result.data.content) : result.data.content;
    expect(text).toContain(`ref ${reference}`);
    expect(text).not.toMatch(/TypeError|Error:|at .*\.ts/);
    if (how === 'throw') expect(result.ephemeral).toBe(true);
    const logged = world.logs.map(
      (line) => JSON.parse(line) as { level: number; ref?: string; command?: string; msg: string },
    );
    expect(
      logged.some(
        (entry) =>
          entry.level === 50 &&
          entry.ref === reference &&
          entry.command === 'boom' &&
          entry.msg === 'interaction failed',
      ),
    ).toBe(true);
    const again = await world.discord.slash('/boom how:throw', { locale: 'ko' });
    expect(again.data.content).toContain('죄송합니다');
  });
});
