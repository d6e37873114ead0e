// A whole quiz through the fake Discord, on a controlled clock: start, answers, reveal, final board, leaderboard.
import type { APIButtonComponentWithCustomId, APIMessage } from 'discord-api-types/v10';
import type { InteractionResult } from '../../src/harness/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
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
beforeEach(async () => {
  clock.now = new Date('2026-11-26T12:00:00Z');
  world = await startWorld({ now: () => clock.now, quizSeed: () => seed });
});
afterEach(() => world?.close());

const buttonsOf = (message: APIMessage): APIButtonComponentWithCustomId[] =>
  (message.components ?? []).flatMap((row) =>
    'components' in row ? (row.components as unknown[]) : [],
  ) as APIButtonComponentWithCustomId[];
const fieldsOf = (result: InteractionResult) =>
  Object.fromEntries(result.data.embeds![0]!.fields!.map((field) => [field.name, field.value]));

/** Each test plays from a fresh bot and store, as far as it needs. */
async function startQuiz(): Promise<{ started: InteractionResult; question1: APIMessage }> {
  const started = await world.discord.slash('/quiz start rounds:2 difficulty:easy', alice);
  return { started, question1: started.message };
}

/** Round 1: alice right after 2 s (950 points), bob wrong after 5 s, carol and dave right after 5 s (875 each). */
async function playRound1(question1: APIMessage): Promise<void> {
  const right = questions[0]!.answer;
  later(2000);
  await world.discord.click(question1, buttonsOf(question1)[right]!.custom_id, alice);
  later(3000);
  await world.discord.click(question1, buttonsOf(question1)[(right + 1) % 4]!.custom_id, bob);
  await Promise.all(
    [carol, dave].map((who) => world.discord.click(question1, buttonsOf(question1)[right]!.custom_id, who)),
  );
}

/** Closes round 1 at its deadline; the next question comes as a follow-up. */
async function revealRound1(started: InteractionResult): Promise<APIMessage> {
  later(20_000);
  await world.bot.quizzes.tick();
  return started.followups[0]!;
}

/** Round 2: alice right after 1 s (975 points), nobody else; then the final board. */
async function playRound2(question2: APIMessage): Promise<void> {
  later(1000);
  await world.discord.click(question2, buttonsOf(question2)[questions[1]!.answer]!.custom_id, alice);
  later(20_000);
  await world.bot.quizzes.tick();
}

async function playWholeQuiz() {
  const { started, question1 } = await startQuiz();
  await playRound1(question1);
  const question2 = await revealRound1(started);
  await playRound2(question2);
  return { started, question1, question2 };
}

describe('a whole quiz', () => {
  it('starts with the first question: four buttons and a visible deadline', async () => {
    const { started, question1 } = await startQuiz();
    expect(started.ephemeral).toBe(false);
    expect(started.data.embeds?.[0]?.title).toBe('Question 1 of 2');
    expect(started.data.embeds?.[0]?.description).toMatch(/<t:\d+:R>/);
    expect(buttonsOf(question1)).toHaveLength(4);
    expect(new Set(buttonsOf(question1).map((button) => button.label)).size).toBe(4);
  });

  it('allows one quiz per channel', async () => {
    await startQuiz();
    const second = await world.discord.slash('/quiz start', bob);
    expect(second.ephemeral).toBe(true);
    expect(second.data.content).toContain('already running');
  });

  it('takes one answer per player, privately acknowledged; two in the same millisecond both count', async () => {
    const { question1 } = await startQuiz();
    const right = questions[0]!.answer;
    const wrong = (right + 1) % 4;
    later(2000);
    expect(
      (await world.discord.click(question1, buttonsOf(question1)[right]!.custom_id, alice)).data.content,
    ).toContain('You answered');
    later(3000);
    const bobFirst = await world.discord.click(question1, buttonsOf(question1)[wrong]!.custom_id, bob);
    expect(bobFirst.ephemeral).toBe(true);
    const bobAgain = await world.discord.click(question1, buttonsOf(question1)[right]!.custom_id, bob);
    expect(bobAgain.ephemeral).toBe(true);
    expect(bobAgain.data.content).toContain('already answered');
    const both = await Promise.all(
      [carol, dave].map((who) => world.discord.click(question1, buttonsOf(question1)[right]!.custom_id, who)),
    );
    for (const reply of both) expect(reply.data.content).toContain('You answered');
  });

  it('reveals at the deadline: the right answer, who got it with their points, why with a source; then the next question', async () => {
    const { started, question1 } = await startQuiz();
    await playRound1(question1);
    const followUps = world.discord.requests.length;
    const question2 = await revealRound1(started);
    const revealed = world.discord.message(question1.id)!;
    const embed = revealed.embeds[0]!;
    expect(embed.description).toContain('The answer:');
    const gotIt = embed.fields?.find((field) => field.name === 'Got it right')?.value ?? '';
    // Faster is worth more; a wrong answer is not listed and earns nothing.
    expect(gotIt).toBe(`<@${alice.userId}> +950, <@${carol.userId}> +875, <@${dave.userId}> +875`);
    expect(embed.fields?.find((field) => field.name === 'Source')?.value).toMatch(/\]\(https?:/);
    for (const button of buttonsOf(revealed)) expect(button.disabled).toBe(true);
    expect(buttonsOf(revealed)[questions[0]!.answer]!.style).toBe(3); // Success
    const posted = world.discord.requests
      .slice(followUps)
      .filter((request) => request.method === 'POST' && request.path.startsWith('/webhooks/'));
    expect(posted).toHaveLength(1);
    // Follow-ups go through the starting interaction's webhook; the fake keeps them on its result.
    expect(question2.embeds[0]?.title).toBe('Question 2 of 2');
  });

  it('a click on a closed question is answered politely', async () => {
    const { started, question1 } = await startQuiz();
    await revealRound1(started);
    const late = await world.discord.click(question1, buttonsOf(question1)[0]!.custom_id, bob, { stale: true });
    expect(late.ephemeral).toBe(true);
    expect(late.data.content).toMatch(/closed|ended/);
  });

  it('ends with the final scoreboard (points, right answers) and disabled buttons', async () => {
    const { started, question2 } = await playWholeQuiz();
    const board = started.followups.at(-1)!;
    expect(board.embeds[0]?.title).toBe('Quiz over: final scores');
    expect(board.embeds[0]!.description!.split('\n')).toEqual([
      `1. <@${alice.userId}>: 1,925 points (2/2 right)`,
      `2. <@${carol.userId}>: 875 points (1/2 right)`,
      `3. <@${dave.userId}>: 875 points (1/2 right)`,
      `4. <@${bob.userId}>: 0 points (0/2 right)`,
    ]);
    for (const button of buttonsOf(world.discord.message(question2.id)!)) expect(button.disabled).toBe(true);
    const afterEnd = await world.discord.click(question2, buttonsOf(question2)[0]!.custom_id, carol, { stale: true });
    expect(afterEnd.data.content).toContain('This quiz has ended');
  });

  it('scores persist: /quiz leaderboard and /quiz stats (points, streaks), also after a restart', async () => {
    await playWholeQuiz();
    const board = await world.discord.slash('/quiz leaderboard', bob);
    const lines = board.data.embeds?.[0]?.description?.split('\n') ?? [];
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(`1. <@${alice.userId}>: 1,925 points (100% of 2)`);
    expect(lines[3]).toBe(`4. <@${bob.userId}>: 0 points (0% of 1)`);
    expect(board.data.allowed_mentions).toEqual({ parse: [] });
    const bobStats = fieldsOf(await world.discord.slash(`/quiz stats user:<@${bob.userId}>`, alice));
    expect(bobStats).toMatchObject({
      Answered: '1',
      Right: '0',
      Accuracy: '0%',
      'Current streak': '0',
      'Best streak': '0',
      Points: '0',
    });
    expect(fieldsOf(await world.discord.slash('/quiz stats', alice))).toMatchObject({
      Answered: '2',
      Right: '2',
      'Current streak': '2',
      'Best streak': '2',
      Points: '1,925',
    });
    await world.restart();
    const again = await world.discord.slash('/quiz leaderboard', bob);
    expect(again.data.embeds?.[0]?.description).toBe(board.data.embeds?.[0]?.description);
  });

  it('a wrong answer ends a streak, and keeps the best', async () => {
    await playWholeQuiz(); // alice: 2 right
    later(60_000);
    const { started, question1 } = await startQuiz();
    later(1000);
    await world.discord.click(question1, buttonsOf(question1)[(questions[0]!.answer + 1) % 4]!.custom_id, alice);
    await revealRound1(started);
    expect(fieldsOf(await world.discord.slash('/quiz stats', alice))).toMatchObject({
      Answered: '3',
      Right: '2',
      'Current streak': '0',
      'Best streak': '2',
      Points: '1,925',
    });
  });

  it('a restart mid-quiz ends that quiz cleanly and keeps the scores already earned', async () => {
    const { started, question1 } = await startQuiz();
    await playRound1(question1);
    const question2 = await revealRound1(started);
    const button = buttonsOf(question2)[1]!.custom_id;
    await world.restart();
    const closed = world.discord.message(question2.id)!;
    expect(closed.content).toContain('ended because the bot restarted');
    const click = await world.discord.click(question2, button, dave, { stale: true });
    expect(click.ephemeral).toBe(true);
    expect(click.data.content).toContain('This quiz has ended');
    expect(fieldsOf(await world.discord.slash('/quiz stats', alice))).toMatchObject({ Answered: '1', Points: '950' });
    const fresh = await world.discord.slash('/quiz start rounds:1', dave);
    expect(fresh.data.embeds?.[0]?.title).toBe('Question 1 of 1');
  });
});

describe('the leaderboard beyond the top 10', () => {
  it('pages with buttons, 10 players a page', async () => {
    const [question] = generateQuiz(loadFacts(dataDir), 1, 'medium', seededRandom(seed));
    const started = await world.discord.slash('/quiz start rounds:1', alice);
    const right = buttonsOf(started.message)[question!.answer]!.custom_id;
    const players = Array.from({ length: 12 }, (_, i) => ({ userId: `2000000000000000${String(i).padStart(2, '0')}` }));
    for (const player of players) await world.discord.click(started.message, right, player);
    later(21_000);
    await world.bot.quizzes.tick();

    const first = await world.discord.slash('/quiz leaderboard', alice);
    expect(first.data.embeds?.[0]?.description?.split('\n')).toHaveLength(10);
    expect(first.data.embeds?.[0]?.footer?.text).toBe('Page 1 of 2');
    const next = buttonsOf(first.message).find((button) => button.label === 'Next')!;
    const second = await world.discord.click(first.message, next.custom_id, bob);
    expect(second.type).toBe(7); // the leaderboard message itself turns the page
    const page2 = world.discord.message(first.message.id)!.embeds[0]!;
    expect(page2.footer?.text).toBe('Page 2 of 2');
    expect(page2.description?.split('\n')).toHaveLength(2);
    expect(page2.description).toMatch(/^11\. /);
  });
});
