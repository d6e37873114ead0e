// The playground as a newcomer uses it (npm run playground -- --eval …): settings kept between runs, a quiz played
// by clicking and letting time pass, channel names instead of ids, and a member's view of an admin command.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/paths.js';

const run = promisify(execFile);
const tsx = join(projectRoot, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'attache-playground-'));
const store = `sqlite://${join(dir, 'playground.sqlite')}`;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function playground(...args: string[]): Promise<string> {
  const { stdout } = await run(tsx, ['src/playground/main.ts', ...args], {
    cwd: projectRoot,
    env: { PATH: process.env.PATH ?? '', STORE_URL: store },
    timeout: 60_000,
  });
  return stdout;
}

describe('the playground', () => {
  it('keeps a server’s settings from one run to the next, and --fresh forgets them', async () => {
    const set = await playground('--fresh', '--admin', '--eval', '/daily set channel:#general time:10:00');
    expect(set).toContain('#general');
    expect(set).not.toMatch(/<#\d+>/);
    const status = await playground('--admin', '--eval', '/daily status');
    expect(status).toContain('**Channel:** #general');
    const fresh = await playground('--fresh', '--admin', '--eval', '/daily status');
    expect(fresh).toContain('No daily post');
  }, 120_000);

  it('plays a quiz: click by number, :wait shows the reveal and the next question, then the final board', async () => {
    const out = await playground('--fresh', '--eval', '/quiz start rounds:1', '--eval', ':click 2', '--eval', ':wait');
    expect(out).toContain('Question 1 of 1');
    expect(out).toMatch(/1\) \[A · .+\] {2}2\) \[B · /);
    expect(out).toContain('You answered');
    expect(out).toContain('(20 s later)');
    expect(out).toContain('The answer:');
    expect(out).toContain('Quiz over: final scores');
  }, 120_000);

  it('shows a member the refusal of an admin command, and how to act as an admin', async () => {
    const out = await playground('--fresh', '--eval', '/settings show');
    expect(out).toContain('Only members with the Manage Server permission can use /settings.');
    expect(out).toContain('--admin');
    expect(out).not.toContain('ADMIN_ACTOR');
  }, 120_000);
});
