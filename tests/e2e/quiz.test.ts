// A whole quiz through the fake Discord, on a controlled clock: start, answers, reveal, final board, leaderboard.
import type { APIButtonComponentWithCustomId, APIMessage } from 'discord-api-types/v10';
import type { InteractionResult } from '../../src/harness/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { dataDir } from '../../src/paths.js';
import { generateQuiz } from '../../src/quiz/generators.js';
import { seededRandom } from '../../src/quiz/random.js';
import { startWorld, type World } from './world.js';

const seed = 20250410;
const clock = { now: new Date('2026-11-26T12:00:00Z') };
const later = (ms: number) => (clock.now = new Date(clock.now.getTime() + ms));
/** The same questions the bot will ask, from the same seed: the test knows the right answers. */
const questions = generateQuiz(loadFacts(dataDir), 2, 'easy', seededRandom(seed));
const alice = { userId: '100000000000000001' };
const bob = { userId: '100000000000000002' };
const carol = { userId: '100000000000000003' };
const dave = { userId: '100000000000000004' };

let world: World;
beforeAll(async () => {
  world = await startWorld({ now: () => clock.now, quizSeed: () => seed });
});
afterAll(() => world?.close());

const buttonsOf = (message: APIMessage): APIButtonComponentWithCustomId[] =>
  (message.components ?? []).flatMap((row) => ('components' in row ? (row.components as unknown[]) : [])) as APIButtonComponentWithCustomId[];

describe('a whole quiz', () => {
  let started: InteractionResult;
  let question1: APIMessage;
  let question2: APIMessage;

  it('starts with the first question: four buttons and a visible deadline', async () => {
    started = await world.discord.slash('/quiz start rounds:2 difficulty:easy', alice);
    question1 = started.message;
    expect(started.ephemeral).toBe(false);
    expect(started.data.embeds?.[0]?.title).toBe('Question 1 of 2');
    expect(started.data.embeds?.[0]?.description).toMatch(/<t:\d+:R>/);
    expect(buttonsOf(question1)).toHaveLength(4);
    expect(new Set(buttonsOf(question1).map((button) => button.label)).size).toBe(4);
  });

  it('allows one quiz per channel', async () => {
    const second = await world.discord.slash('/quiz start', bob);
    expect(second.ephemeral).toBe(true);
    expect(second.data.content).toContain('already running');
  });

  it('takes one answer per player, privately acknowledged; two in the same millisecond both count', async () => {
    const right = questions[0]!.answer;
    const wrong = (right + 1) % 4;
    later(2000);
    expect((await world.discord.click(question1, buttonsOf(question1)[right]!.custom_id, alice)).data.content).toContain('You answered');
    later(3000);
    const bobFirst = await world.discord.click(question1, buttonsOf(question1)[wrong]!.custom_id, bob);
    expect(bobFirst.ephemeral).toBe(true);
    const bobAgain = await world.discord.click(question1, buttonsOf(question1)[right]!.custom_id, bob);
    expect(bobAgain.ephemeral).toBe(true);
    expect(bobAgain.data.content).toContain('already answered');
    const both = await Promise.all([carol, dave].map((who) => world.discord.click(question1, buttonsOf(question1)[right]!.custom_id, who)));
    for (const reply of both) expect(reply.data.content).toContain('You answered');
  });

  it('reveals at the deadline: the right answer, who got it, why with a source; then the next question', async () => {
    later(20_000);
    const followUps = world.discord.requests.length;
    await world.bot.quizzes.tick();
    const revealed = world.discord.message(question1.id)!;
    const embed = revealed.embeds[0]!;
    expect(embed.description).toContain('The answer:');
    const gotIt = embed.fields?.find((field) => field.name === 'Got it right')?.value ?? '';
    expect(gotIt).toContain(`<@${alice.userId}>`);
    expect(gotIt).toContain(`<@${carol.userId}>`);
    expect(gotIt).toContain(`<@${dave.userId}>`);
    expect(gotIt).not.toContain(`<@${bob.userId}>`);
    expect(embed.fields?.find((field) => field.name === 'Source')?.value).toMatch(/\]\(https?:/);
    for (const button of buttonsOf(revealed)) expect(button.disabled).toBe(true);
    expect(buttonsOf(revealed)[questions[0]!.answer]!.style).toBe(3); // Success
    const posted = world.discord.requests.slice(followUps).filter((request) => request.method === 'POST' && request.path.startsWith('/webhooks/'));
    expect(posted).toHaveLength(1);
    // Follow-ups go through the starting interaction's webhook; the fake keeps them on its result.
    question2 = started.followups[0]!;
    expect(question2.embeds[0]?.title).toBe('Question 2 of 2');
  });

  it('a click on a closed question is answered politely', async () => {
    const late = await world.discord.click(question1, buttonsOf(question1)[0]!.custom_id, bob, { stale: true });
    expect(late.ephemeral).toBe(true);
    expect(late.data.content).toMatch(/closed|ended/);
  });

  it('ends with the final scoreboard and disabled buttons', async () => {
    later(1000);
    await world.discord.click(question2, buttonsOf(question2)[questions[1]!.answer]!.custom_id, alice);
    later(20_000);
    await world.bot.quizzes.tick();
    const board = started.followups.at(-1)!;
    expect(board.embeds[0]?.title).toBe('Quiz over: final scores');
    const lines = board.embeds[0]!.description!.split('\n');
    expect(lines[0]).toContain(`<@${alice.userId}>`);
    expect(lines[0]).toContain('2/2 right');
    for (const button of buttonsOf(world.discord.message(question2.id)!)) expect(button.disabled).toBe(true);
    const afterEnd = await world.discord.click(question2, buttonsOf(question2)[0]!.custom_id, carol, { stale: true });
    expect(afterEnd.data.content).toContain('This quiz has ended');
  });

  it('scores persist: /quiz leaderboard and /quiz stats, also after a restart', async () => {
    const board = await world.discord.slash('/quiz leaderboard', bob);
    const lines = board.data.embeds?.[0]?.description?.split('\n') ?? [];
    expect(lines[0]).toContain(`<@${alice.userId}>`);
    expect(lines).toHaveLength(4);
    expect(board.data.allowed_mentions).toEqual({ parse: [] });
    const stats = await world.discord.slash(`/quiz stats user:<@${bob.userId}>`, alice);
    const fields = Object.fromEntries(stats.data.embeds![0]!.fields!.map((field) => [field.name, field.value]));
    expect(fields).toMatchObject({ Answered: '1', Right: '0', Accuracy: '0%', 'Current streak': '0' });
    const aliceStats = await world.discord.slash('/quiz stats', alice);
    expect(Object.fromEntries(aliceStats.data.embeds![0]!.fields!.map((field) => [field.name, field.value]))).toMatchObject({
      Answered: '2',
      Right: '2',
      'Best streak': '2',
    });
    await world.restart();
    const again = await world.discord.slash('/quiz leaderboard', bob);
    expect(again.data.embeds?.[0]?.description).toBe(board.data.embeds?.[0]?.description);
  });

  it('a restart mid-quiz ends that quiz cleanly and keeps the scores already earned', async () => {
    const cut = await world.discord.slash('/quiz start rounds:3', carol);
    const buttons = buttonsOf(cut.message);
    await world.discord.click(cut.message, buttons[0]!.custom_id, carol);
    await world.restart();
    const closed = world.discord.message(cut.message.id)!;
    expect(closed.content).toContain('ended because the bot restarted');
    const click = await world.discord.click(cut.message, buttons[1]!.custom_id, dave, { stale: true });
    expect(click.ephemeral).toBe(true);
    expect(click.data.content).toContain('This quiz has ended');
    const fresh = await world.discord.slash('/quiz start rounds:1', dave);
    expect(fresh.data.embeds?.[0]?.title).toBe('Question 1 of 1');
  });
});

describe('the leaderboard beyond the top 10', () => {
  it('pages with buttons, 10 players a page', async () => {
    const paging = await startWorld({ now: () => clock.now, quizSeed: () => seed + 1 });
    try {
      const [question] = generateQuiz(loadFacts(dataDir), 1, 'medium', seededRandom(seed + 1));
      const started = await paging.discord.slash('/quiz start rounds:1', alice);
      const right = buttonsOf(started.message)[question!.answer]!.custom_id;
      const players = Array.from({ length: 12 }, (_, i) => ({ userId: `2000000000000000${String(i).padStart(2, '0')}` }));
      for (const player of players) await paging.discord.click(started.message, right, player);
      clock.now = new Date(clock.now.getTime() + 21_000);
      await paging.bot.quizzes.tick();

      const first = await paging.discord.slash('/quiz leaderboard', alice);
      expect(first.data.embeds?.[0]?.description?.split('\n')).toHaveLength(10);
      expect(first.data.embeds?.[0]?.footer?.text).toBe('Page 1 of 2');
      const next = buttonsOf(first.message).find((button) => button.label === 'Next')!;
      const second = await paging.discord.click(first.message, next.custom_id, bob);
      expect(second.type).toBe(7); // the leaderboard message itself turns the page
      const page2 = paging.discord.message(first.message.id)!.embeds[0]!;
      expect(page2.footer?.text).toBe('Page 2 of 2');
      expect(page2.description?.split('\n')).toHaveLength(2);
      expect(page2.description).toMatch(/^11\. /);
    } finally {
      await paging.close();
    }
  });
});
