// A whole quiz through the fake Discord, on a controlled clock: start, answers, reveal, final board, leaderboard.
import type { APIButtonComponentWithCustomId, APIMessage } from 'discord-api-types/v10';
import type { InteractionResult } from '../../src/harness/index.js';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { dataDir } from '../../src/paths.js';
import { generateQuiz, type Category } from '../../src/quiz/generators.js';
import type { Difficulty } from '../../src/quiz/question.js';
import { seededRandom } from '../../src/quiz/random.js';
import { ADMIN_ACTOR } from '../../src/harness/index.js';
import { promptText, quizAnswerId } from '../../src/render/quiz.js';
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
    expect(bobFirst.data.content).toContain('You answered');
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
    await world.discord.click(question1, buttonsOf(question1)[questions[0]!.answer]!.custom_id, bob); // a quiz counts with 2 players
    await revealRound1(started);
    expect(fieldsOf(await world.discord.slash('/quiz stats', alice))).toMatchObject({
      Answered: '3',
      Right: '2',
      'Current streak': '0',
      'Best streak': '2',
      Points: '1,925',
    });
  });

  // Gateway mode keeps a quiz in its process; HTTP replicas keep it in the store, where it outlives a restart
  // (tests/e2e/http-replicas.test.ts).
  it.skipIf(process.env.E2E_MODE === 'http')(
    'a restart mid-quiz ends that quiz cleanly and keeps the scores already earned',
    async () => {
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
    },
  );
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

const ko = <T extends object>(who: T) => ({ ...who, locale: 'ko' as const });
const admin = { ...ADMIN_ACTOR, userId: '100000000000000009' };
const linesOf = (result: InteractionResult) => result.data.embeds?.[0]?.description?.split('\n') ?? [];
const deadlineOf = (seconds: number) => `<t:${clock.now.getTime() / 1000 + seconds}:R>`;

describe('/quiz stop', () => {
  it('the starter stops it: the board so far, the open question closed and unscored, closed rounds kept', async () => {
    const { started, question1 } = await startQuiz();
    await playRound1(question1);
    const question2 = await revealRound1(started);
    later(1000);
    await world.discord.click(question2, buttonsOf(question2)[questions[1]!.answer]!.custom_id, alice);
    const staleButton = buttonsOf(question2)[0]!.custom_id;
    const refused = await world.discord.slash('/quiz stop', bob);
    expect(refused.ephemeral).toBe(true);
    expect(refused.data.content).toBe(
      'Only the person who started this quiz, or a member with Manage Server, can stop it.',
    );
    const stopped = await world.discord.slash('/quiz stop', alice);
    expect(stopped.ephemeral).toBe(false);
    expect(stopped.data.embeds?.[0]?.title).toBe('Quiz stopped: final scores');
    expect(linesOf(stopped)).toEqual([
      `<@${alice.userId}> stopped the quiz after 1 of 2 questions. The open question was not scored.`,
      '',
      `1. <@${alice.userId}>: 950 points (1/1 right)`,
      `2. <@${carol.userId}>: 875 points (1/1 right)`,
      `3. <@${dave.userId}>: 875 points (1/1 right)`,
      `4. <@${bob.userId}>: 0 points (0/1 right)`,
    ]);
    const closed = world.discord.message(question2.id)!;
    expect(closed.content).toBe(`⏹️ <@${alice.userId}> stopped this quiz.`);
    expect(buttonsOf(closed)).toEqual([]);
    later(30_000);
    await world.bot.quizzes.tick();
    expect(started.followups).toHaveLength(1); // no reveal and no second board after the stop
    const late = await world.discord.click(question2, staleButton, carol, { stale: true });
    expect(late.data.content).toContain('This quiz has ended');
    const all = await world.discord.slash('/quiz leaderboard period:all', bob);
    expect(linesOf(all)[0]).toBe(`1. <@${alice.userId}>: 950 points (100% of 1)`);
    expect((await world.discord.slash('/quiz stop', alice)).data.content).toBe('No quiz is running in this channel.');
    const fresh = await world.discord.slash('/quiz start rounds:1', bob);
    expect(fresh.data.embeds?.[0]?.title).toBe('Question 1 of 1');
  });

  it('in Korean: a member with Manage Server stops a quiz someone else started; others are refused', async () => {
    const started = await world.discord.slash('/quiz start rounds:2 difficulty:easy', ko(alice));
    const refused = await world.discord.slash('/quiz stop', ko(bob));
    expect(refused.ephemeral).toBe(true);
    expect(refused.data.content).toBe('퀴즈를 시작한 사람이나 서버 관리 권한이 있는 멤버만 퀴즈를 중단할 수 있습니다.');
    const stopped = await world.discord.slash('/quiz stop', ko(admin));
    expect(stopped.data.embeds?.[0]?.title).toBe('퀴즈 중단: 최종 점수');
    expect(linesOf(stopped)).toEqual([
      `<@${admin.userId}>님이 퀴즈를 중단했습니다 (2문제 중 0문제 완료). 진행 중이던 문제는 채점하지 않았습니다.`,
      '',
      '이번에는 아무도 답하지 않았습니다.',
    ]);
    expect(world.discord.message(started.message.id)!.content).toBe(
      `⏹️ <@${admin.userId}>님이 이 퀴즈를 중단했습니다.`,
    );
    expect((await world.discord.slash('/quiz stop', ko(admin))).data.content).toBe(
      '이 채널에서 진행 중인 퀴즈가 없습니다.',
    );
  });
});

describe('/quiz start seconds', () => {
  it('seconds:10 is the deadline shown, and the question closes 10 seconds after it was asked', async () => {
    const started = await world.discord.slash('/quiz start rounds:1 seconds:10', alice);
    expect(started.data.embeds?.[0]?.description).toContain(`Answers close ${deadlineOf(10)}.`);
    later(9_999);
    await world.bot.quizzes.tick();
    expect(world.discord.message(started.message.id)!.embeds[0]!.description).not.toContain('The answer:');
    expect(started.followups).toHaveLength(0);
    later(1);
    await world.bot.quizzes.tick();
    expect(world.discord.message(started.message.id)!.embeds[0]!.description).toContain('The answer:');
    expect(started.followups.at(-1)?.embeds[0]?.title).toBe('Quiz over: final scores');
  });

  it('in Korean: 20 seconds by default, 60 when asked', async () => {
    const byDefault = await world.discord.slash('/quiz start rounds:1', ko(alice));
    expect(byDefault.data.embeds?.[0]?.description).toContain(`${deadlineOf(20)} 마감됩니다.`);
    await world.discord.slash('/quiz stop', ko(alice));
    const slow = await world.discord.slash('/quiz start rounds:1 seconds:60', ko(alice));
    expect(slow.data.embeds?.[0]?.description).toContain(`${deadlineOf(60)} 마감됩니다.`);
    later(59_999);
    await world.bot.quizzes.tick();
    expect(slow.followups).toHaveLength(0);
  });
});

describe('fairness', () => {
  /** Bob answers wrong at 1 s, changes to the right answer at 5 s, confirms it, then tries a second change. */
  async function changeTwice(actor: (who: typeof bob) => object) {
    const started = await world.discord.slash('/quiz start rounds:2 difficulty:easy', actor(alice));
    const question1 = started.message;
    const ids = buttonsOf(question1).map((button) => button.custom_id);
    const right = questions[0]!.answer;
    later(1000);
    const first = await world.discord.click(question1, ids[(right + 1) % 4]!, actor(bob));
    later(1000);
    await world.discord.click(question1, ids[right]!, actor(alice)); // right at 2 s: 950
    later(3000);
    const changed = await world.discord.click(question1, ids[right]!, actor(bob));
    const same = await world.discord.click(question1, ids[right]!, actor(bob));
    later(1000);
    const third = await world.discord.click(question1, ids[(right + 2) % 4]!, actor(bob));
    await revealRound1(started);
    const [gotIt, source] = world.discord.message(question1.id)!.embeds[0]!.fields!;
    const label = buttonsOf(question1)[right]!.label!.slice(4);
    return { first, changed, same, third, gotIt: gotIt!.value, source, label };
  }

  it('a player changes an answer once before the reveal; a second change is refused; the final answer and its time count', async () => {
    const { first, changed, same, third, gotIt, label } = await changeTwice((who) => who);
    expect(first.data.content).toMatch(/^You answered /);
    for (const reply of [first, changed, same, third]) expect(reply.ephemeral).toBe(true);
    expect(changed.data.content).toBe(
      `You changed your answer to **${label}**. You may change it only once before the reveal.`,
    );
    expect(same.data.content).toBe(`Your answer is still **${label}**.`);
    expect(third.data.content).toBe(`You have already changed your answer once; **${label}** stands.`);
    // Bob's right answer came at 5 s (875 points), not at his first click at 1 s (975).
    expect(gotIt).toBe(`<@${alice.userId}> +950, <@${bob.userId}> +875`);
  });

  it('in Korean: the change, the confirmation and the refusal', async () => {
    const { changed, same, third, gotIt, source, label } = await changeTwice(ko);
    expect(changed.data.content).toBe(
      `답을 **${label}** 선택지로 바꿨습니다. 정답 공개 전에 한 번만 바꿀 수 있습니다.`,
    );
    expect(same.data.content).toBe(`답은 그대로 **${label}** 선택지입니다.`);
    expect(third.data.content).toBe(`이미 답을 한 번 바꿨기 때문에 더 바꿀 수 없습니다. 현재 답: **${label}**`);
    expect(gotIt).toBe(`<@${alice.userId}> +950, <@${bob.userId}> +875`);
    // The reveal cites its source in Korean too.
    expect(source?.name).toBe('출처');
    expect(source?.value).toMatch(/^\[[^\]]+\]\(https?:\/\/[^)]+\)/);
  });

  /** Alice plays alone: right in both rounds. */
  async function playAlone(actor: (who: typeof alice) => object) {
    const started = await world.discord.slash('/quiz start rounds:2 difficulty:easy', actor(alice));
    later(1000);
    await world.discord.click(
      started.message,
      buttonsOf(started.message)[questions[0]!.answer]!.custom_id,
      actor(alice),
    );
    const question2 = await revealRound1(started);
    await playRound2(question2);
    return started.followups.at(-1)!.embeds[0]!;
  }

  it('a solo quiz shows its final board, says its points did not count and why, and leaves the leaderboard alone', async () => {
    const board = await playAlone((who) => who);
    expect(board.description).toBe(`1. <@${alice.userId}>: 1,950 points (2/2 right)`);
    expect(board.footer?.text).toBe(
      'Fewer than 2 players took part, so these points do not count on the leaderboard: a quiz needs at least 2 players.',
    );
    expect((await world.discord.slash('/quiz leaderboard period:all', bob)).data.content).toBe(
      'No scores yet. Start a quiz with /quiz start.',
    );
    expect((await world.discord.slash('/quiz stats', alice)).data.content).toContain('has not answered');
  });

  it('in Korean: a solo quiz is not counted', async () => {
    const board = await playAlone(ko);
    expect(board.description).toBe(`1. <@${alice.userId}>: 1,950점 (2문제 중 2개 정답)`);
    expect(board.footer?.text).toBe(
      '참가자가 2명보다 적어 이번 점수는 순위에 반영되지 않습니다. 퀴즈 점수는 2명 이상 참가해야 반영됩니다.',
    );
    expect((await world.discord.slash('/quiz leaderboard period:all', ko(bob))).data.content).toBe(
      '아직 점수가 없습니다. `/퀴즈 시작` 명령으로 퀴즈를 시작하세요.',
    );
  });

  it('the correct answer never appears in a custom_id: the four buttons differ only by their position', async () => {
    const { started, question1, question2 } = await playWholeQuiz();
    for (const [round, message] of [question1, question2].entries()) {
      const ids = buttonsOf(message).map((button) => button.custom_id);
      const quizId = quizAnswerId.decode(ids[0]!)!.quizId;
      expect(ids).toEqual([0, 1, 2, 3].map((choice) => quizAnswerId.encode({ quizId, round, choice })));
      // The same ids whichever choice is right, before and after the reveal.
      expect(buttonsOf(world.discord.message(message.id)!).map((button) => button.custom_id)).toEqual(ids);
    }
    const everyId = [started.message, ...started.followups].flatMap((m) => buttonsOf(m).map((b) => b.custom_id));
    expect(everyId.every((id) => /^quiz:answer:[\w-]+:\d:[0-3]$/.test(id))).toBe(true);
  });
});

describe('seasons', () => {
  /** A one-question quiz: the players answer right (1 s after the start), closed 20 s later. */
  async function playOneRound(players: object[], starter: object = players[0]!) {
    const [question] = generateQuiz(loadFacts(dataDir), 1, 'medium', seededRandom(seed));
    const started = await world.discord.slash('/quiz start rounds:1', starter);
    later(1000);
    const right = buttonsOf(started.message)[question!.answer]!.custom_id;
    for (const player of players) await world.discord.click(started.message, right, player);
    later(20_000);
    await world.bot.quizzes.tick();
  }
  const titleOf = (result: InteractionResult) => result.data.embeds?.[0]?.title;
  const usersOf = (result: InteractionResult) => linesOf(result).map((line) => line.match(/<@(\d+)>/)?.[1]);

  it('the month rolls over on the clock: the new month starts empty, all time keeps everything, past months stay', async () => {
    clock.now = new Date('2026-11-30T23:58:00Z');
    await playOneRound([alice, bob]);
    const november = await world.discord.slash('/quiz leaderboard', carol);
    expect(titleOf(november)).toBe('Quiz leaderboard: November 2026');
    expect(usersOf(november)).toEqual([alice.userId, bob.userId]);
    // Started in November, closed in December (UTC): the round counts in December.
    clock.now = new Date('2026-11-30T23:59:50Z');
    await playOneRound([carol, dave]);
    expect(clock.now.toISOString()).toBe('2026-12-01T00:00:11.000Z');
    const december = await world.discord.slash('/quiz leaderboard period:month', alice);
    expect(titleOf(december)).toBe('Quiz leaderboard: December 2026');
    expect(usersOf(december)).toEqual([carol.userId, dave.userId]);
    const all = await world.discord.slash('/quiz leaderboard period:all', alice);
    expect(titleOf(all)).toBe('Quiz leaderboard: all time');
    expect(new Set(usersOf(all))).toEqual(new Set([alice.userId, bob.userId, carol.userId, dave.userId]));
    // A month later, December's board has gone quiet but all time still has everyone.
    clock.now = new Date('2027-01-01T00:00:00Z');
    expect((await world.discord.slash('/quiz leaderboard', alice)).data.content).toBe(
      'No scores in January 2027 yet. Start a quiz with /quiz start, or see /quiz leaderboard period:all.',
    );
    expect(usersOf(await world.discord.slash('/quiz leaderboard period:all', alice))).toHaveLength(4);
    await world.restart();
    expect(usersOf(await world.discord.slash('/quiz leaderboard period:all', alice))).toHaveLength(4);
  });

  it("a month's page buttons keep to that month after it ends", async () => {
    clock.now = new Date('2026-11-30T23:50:00Z');
    const players = Array.from({ length: 12 }, (_, i) => ({ userId: `3000000000000000${String(i).padStart(2, '0')}` }));
    await playOneRound(players);
    const november = await world.discord.slash('/quiz leaderboard', alice);
    expect(november.data.embeds?.[0]?.footer?.text).toBe('Page 1 of 2');
    clock.now = new Date('2026-12-01T00:00:00Z');
    await playOneRound([carol, dave]);
    const next = buttonsOf(november.message).find((button) => button.label === 'Next')!;
    await world.discord.click(november.message, next.custom_id, bob);
    const page2 = world.discord.message(november.message.id)!.embeds[0]!;
    expect(page2.title).toBe('Quiz leaderboard: November 2026');
    expect(page2.footer?.text).toBe('Page 2 of 2');
    expect(page2.description?.split('\n')).toHaveLength(2);
  });

  it('in Korean: this month by name, an empty new month, and all time', async () => {
    clock.now = new Date('2026-11-30T23:58:00Z');
    await playOneRound([ko(alice), ko(bob)]);
    expect(titleOf(await world.discord.slash('/quiz leaderboard', ko(carol)))).toBe('퀴즈 순위: 2026년 11월');
    clock.now = new Date('2026-12-01T00:00:00Z');
    expect((await world.discord.slash('/quiz leaderboard', ko(carol))).data.content).toBe(
      '2026년 12월에는 아직 점수가 없습니다. `/퀴즈 시작` 명령으로 퀴즈를 시작하거나, 전체 기간 순위(`/퀴즈 순위 기간:전체`)를 보세요.',
    );
    const all = await world.discord.slash('/quiz leaderboard period:all', ko(carol));
    expect(titleOf(all)).toBe('퀴즈 순위: 전체 기간');
    expect(usersOf(all)).toEqual([alice.userId, bob.userId]);
  });
});

describe('/quiz start category', () => {
  const facts = loadFacts(dataDir);
  /** The questions the bot asks for a category, from the same seed. */
  const asked = (category: Category, difficulty: Difficulty) =>
    generateQuiz(facts, 3, difficulty, seededRandom(seed), { category, upTo: true });

  it('category:koreas asks about the two Koreas only, all through the quiz', async () => {
    const expected = asked('koreas', 'easy');
    const started = await world.discord.slash('/quiz start rounds:3 difficulty:easy category:koreas', alice);
    const prompts = [started.data.embeds![0]!.description!];
    for (let round = 0; round < 2; round++) {
      later(20_000);
      await world.bot.quizzes.tick();
      prompts.push(started.followups.at(-1)!.embeds[0]!.description!);
    }
    expect(prompts.map((text) => text.split('\n')[0])).toEqual(expected.map((q) => promptText(q, 'en')));
    for (const q of expected) expect('base' in q.prompt && ['KR', 'KP'].includes(q.prompt.base.code)).toBe(true);
  });

  it('in Korean: category:world and category:recent', async () => {
    const world1 = asked('world', 'medium')[0]!;
    const started = await world.discord.slash('/quiz start rounds:3 category:world', ko(alice));
    expect(started.data.embeds![0]!.description!.split('\n')[0]).toBe(promptText(world1, 'ko'));
    expect('base' in world1.prompt && ['KR', 'KP'].includes(world1.prompt.base.code)).toBe(false);
    await world.discord.slash('/quiz stop', ko(alice));
    const recent1 = asked('recent', 'hard')[0]!;
    const recent = await world.discord.slash('/quiz start rounds:3 difficulty:hard category:recent', ko(alice));
    expect(recent.data.embeds![0]!.description!.split('\n')[0]).toBe(promptText(recent1, 'ko'));
    expect(recent1.explanation.date!.year).toBeGreaterThanOrEqual(facts.asOf.year - 10);
  });
});
