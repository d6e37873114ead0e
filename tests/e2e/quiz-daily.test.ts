// /quiz daily through the fake Discord, on a controlled clock: the same five questions for everyone in a server
// that day, answered privately, one try each, resumed where left, a board of the day and a streak of days played.
import type { APIButtonComponentWithCustomId, APIEmbed, APIMessage } from 'discord-api-types/v10';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { ADMIN_ACTOR, type InteractionResult } from '../../src/harness/index.js';
import { dataDir } from '../../src/paths.js';
import { dailyQuestions } from '../../src/quiz/daily-challenge.js';
import type { Question } from '../../src/quiz/question.js';
import { choiceLabel, promptText } from '../../src/render/quiz.js';
import { startWorld, type World } from './world.js';

const facts = loadFacts(dataDir);
const clock = { now: new Date('2026-12-01T10:00:00Z') };
const alice = { userId: '100000000000000001' };
const bob = { userId: '100000000000000002' };
const ko = <T extends object>(who: T) => ({ ...who, locale: 'ko' as const });

let world: World;
beforeEach(async () => {
  clock.now = new Date('2026-12-01T10:00:00Z');
  world = await startWorld({ now: () => clock.now });
});
afterEach(() => world?.close());

const buttonsOf = (message: APIMessage): APIButtonComponentWithCustomId[] =>
  (message.components ?? []).flatMap((row) =>
    'components' in row ? (row.components as unknown[]) : [],
  ) as APIButtonComponentWithCustomId[];
/** The server's questions of a day, as the bot makes them: the test knows the right answers. */
const questionsOf = (day: string) => dailyQuestions(facts, world.discord.defaultGuildId, day);
const wrongChoice = (question: Question) => (question.answer + 1) % 4;
const lastEmbed = (result: InteractionResult): APIEmbed => result.data.embeds!.at(-1)!;
const fieldOf = (embed: APIEmbed, name: string) => embed.fields?.find((field) => field.name === name)?.value;

/**
 * Opens /quiz daily and answers from where the player is: `answers[i]` true for a right answer. Returns the
 * opening reply and each click's result.
 */
async function play(who: object, day: string, answers: boolean[]) {
  const questions = questionsOf(day);
  const opened = await world.discord.slash('/quiz daily', who);
  const clicks: InteractionResult[] = [];
  // The opening message is kept up to date by each click: its first buttons, as they were.
  const openedIds = buttonsOf(opened.message).map((button) => button.custom_id);
  let message = opened.message;
  let index = Number(/(\d)(?: of |\/)5$/.exec(opened.data.embeds?.at(-1)?.title ?? '')?.[1] ?? 1) - 1;
  for (const right of answers) {
    const question = questions[index]!;
    const button = buttonsOf(message)[right ? question.answer : wrongChoice(question)]!;
    const clicked = await world.discord.click(message, button.custom_id, who);
    clicks.push(clicked);
    message = clicked.message;
    index++;
  }
  return { opened, openedIds, clicks, last: clicks.at(-1) };
}

describe('/quiz daily, played by two members', () => {
  it('gives both the same five questions, privately; each click reveals the answer with its source, then the next; the board of the day has both', async () => {
    const questions = questionsOf('2026-12-01');
    const aliceOpens = await world.discord.slash('/quiz daily', alice);
    const bobOpens = await world.discord.slash('/quiz daily', bob);
    for (const opened of [aliceOpens, bobOpens]) {
      expect(opened.ephemeral).toBe(true);
      expect(opened.data.embeds).toHaveLength(1);
      expect(opened.data.embeds![0]!.title).toBe('Daily challenge: question 1 of 5');
      expect(opened.data.embeds![0]!.description).toBe(promptText(questions[0]!, 'en'));
      expect(opened.data.embeds![0]!.footer?.text).toBe('1 December 2026 · Medium · one try, no time limit');
      expect(opened.data.allowed_mentions).toEqual({ parse: [] });
    }
    // The same buttons for both, and they say which day, question and position, never which is right.
    const ids = buttonsOf(aliceOpens.message).map((button) => button.custom_id);
    expect(buttonsOf(bobOpens.message).map((button) => button.custom_id)).toEqual(ids);
    const mark = ids[0]!.split(':').at(-1);
    expect(ids).toEqual([0, 1, 2, 3].map((choice) => `quiz:daily:2026-12-01:0:${choice}:${mark}`));

    // Alice answers all five right, one click each; each click replaces her private message.
    const first = await world.discord.click(aliceOpens.message, ids[questions[0]!.answer]!, alice);
    expect(first.type).toBe(7);
    const [reveal, next] = first.data.embeds!;
    expect(reveal!.title).toBe('✅ Right · 1/5');
    expect(reveal!.description).toContain(
      `✅ The answer: **${choiceLabel(questions[0]!.choices[questions[0]!.answer]!, 'en')}**`,
    );
    expect(fieldOf(reveal!, 'Source')).toMatch(/^\[[^\]]+\]\(https?:\/\/[^)]+\)/);
    expect(next!.title).toBe('Daily challenge: question 2 of 5');
    expect(next!.description).toBe(promptText(questions[1]!, 'en'));
    const alicePlays = await play(alice, '2026-12-01', [true, true, true, true]);
    const aliceDone = alicePlays.last!;
    expect(aliceDone.data.embeds![0]!.title).toBe('✅ Right · 5/5');
    expect(aliceDone.data.components).toEqual([]);
    const result = lastEmbed(aliceDone);
    expect(result.title).toBe('Daily challenge of 1 December 2026: 5 of 5 right');
    expect(result.description).toBe(
      `✅ ✅ ✅ ✅ ✅\n\nThe next challenge opens <t:${Date.parse('2026-12-02T00:00:00Z') / 1000}:R>.`,
    );
    expect(fieldOf(result, 'Streak')).toBe('🔥 1 day in a row (best: 1 day)');
    expect(fieldOf(result, 'Board of the day')).toBe(`1. <@${alice.userId}>: 5/5 · 🔥 1`);

    // Bob, later: right, wrong, right, wrong, right. A wrong answer shows what he chose.
    clock.now = new Date('2026-12-01T18:00:00Z');
    const bobPlays = await play(bob, '2026-12-01', [true, false, true, false, true]);
    const wrong = bobPlays.clicks[1]!.data.embeds![0]!;
    expect(wrong.title).toBe('❌ Not this one · 2/5');
    expect(wrong.description).toContain(
      `You chose **${choiceLabel(questions[1]!.choices[wrongChoice(questions[1]!)]!, 'en')}**.`,
    );
    expect(fieldOf(wrong, 'Source')).toMatch(/\]\(https?:/);
    const bobResult = lastEmbed(bobPlays.last!);
    expect(bobResult.title).toBe('Daily challenge of 1 December 2026: 3 of 5 right');
    expect(bobResult.description!.split('\n')[0]).toBe('✅ ❌ ✅ ❌ ✅');
    expect(fieldOf(bobResult, 'Board of the day')).toBe(
      `1. <@${alice.userId}>: 5/5 · 🔥 1\n2. <@${bob.userId}>: 3/5 · 🔥 1`,
    );
    // Nothing was posted in the channel: every answer was private.
    const channelPosts = world.discord.requests.filter(
      (request) => request.method === 'POST' && request.path.startsWith('/channels/'),
    );
    expect(channelPosts).toHaveLength(0);
    for (const click of [...alicePlays.clicks, ...bobPlays.clicks]) {
      expect(click.ephemeral).toBe(true);
      expect(click.data.allowed_mentions).toEqual({ parse: [] });
    }
  });

  it('in Korean: the question, the reveal with its source, the result, the streak and the board', async () => {
    const questions = questionsOf('2026-12-01');
    const opened = await world.discord.slash('/quiz daily', ko(alice));
    expect(opened.data.embeds![0]!.title).toBe('오늘의 퀴즈: 문제 1/5');
    expect(opened.data.embeds![0]!.description).toBe(promptText(questions[0]!, 'ko'));
    expect(opened.data.embeds![0]!.footer?.text).toBe('2026년 12월 1일 · 보통 · 하루 한 번, 시간제한 없음');
    const { clicks } = await play(ko(alice), '2026-12-01', [false, true, true, true, true]);
    const wrong = clicks[0]!.data.embeds![0]!;
    expect(wrong.title).toBe('❌ 오답 · 1/5');
    expect(wrong.description).toContain(
      `고른 답: **${choiceLabel(questions[0]!.choices[wrongChoice(questions[0]!)]!, 'ko')}**`,
    );
    expect(fieldOf(wrong, '출처')).toMatch(/\]\(https?:/);
    expect(clicks[1]!.data.embeds![0]!.title).toBe('✅ 정답 · 2/5');
    await play(ko(bob), '2026-12-01', [true, true, true, true, true]);
    const result = lastEmbed(clicks.at(-1)!);
    expect(result.title).toBe('오늘의 퀴즈 · 2026년 12월 1일: 5문제 중 4개 정답');
    expect(result.description).toBe(
      `❌ ✅ ✅ ✅ ✅\n\n다음 퀴즈는 <t:${Date.parse('2026-12-02T00:00:00Z') / 1000}:R> 열립니다.`,
    );
    expect(fieldOf(result, '연속 참여')).toBe('🔥 1일 연속 (최고 1일)');
    const again = await world.discord.slash('/quiz daily', ko(alice));
    expect(fieldOf(lastEmbed(again), '오늘의 순위')).toBe(
      `1. <@${bob.userId}>: 5/5 · 🔥 1일\n2. <@${alice.userId}>: 4/5 · 🔥 1일`,
    );
  });
});

describe('one try a day', () => {
  it('a second /quiz daily after finishing shows the result and the board; an old button changes nothing', async () => {
    const { openedIds } = await play(alice, '2026-12-01', [true, false, true, true, true]);
    const again = await world.discord.slash('/quiz daily', alice);
    expect(again.ephemeral).toBe(true);
    expect(again.data.components).toEqual([]);
    expect(again.data.embeds).toHaveLength(1);
    expect(again.data.embeds![0]!.title).toBe('Daily challenge of 1 December 2026: 4 of 5 right');
    expect(again.data.embeds![0]!.description).toBe(
      `✅ ❌ ✅ ✅ ✅\n\nYou have played today's challenge: one try a day. The next one opens <t:${Date.parse('2026-12-02T00:00:00Z') / 1000}:R>.`,
    );
    expect(fieldOf(again.data.embeds![0]!, 'Board of the day')).toBe(`1. <@${alice.userId}>: 4/5 · 🔥 1`);
    // A button of the first question, clicked from a client that still shows it: no second try.
    expect(openedIds).toHaveLength(4);
    const retry = await world.discord.click(again.message, openedIds[0]!, alice, { stale: true });
    expect(lastEmbed(retry).title).toBe('Daily challenge of 1 December 2026: 4 of 5 right');
    expect(retry.data.embeds).toHaveLength(1);
  });

  it('in Korean: the second try is refused with the result', async () => {
    await play(ko(alice), '2026-12-01', [true, true, true, true, true]);
    const again = await world.discord.slash('/quiz daily', ko(alice));
    expect(again.data.embeds![0]!.description).toBe(
      `✅ ✅ ✅ ✅ ✅\n\n오늘의 퀴즈는 이미 풀었습니다. 하루에 한 번만 풀 수 있습니다. 다음 퀴즈는 <t:${Date.parse('2026-12-02T00:00:00Z') / 1000}:R> 열립니다.`,
    );
    expect(again.data.components).toEqual([]);
  });

  it('a double click on one answer counts once', async () => {
    const questions = questionsOf('2026-12-01');
    const opened = await world.discord.slash('/quiz daily', alice);
    const id = buttonsOf(opened.message)[wrongChoice(questions[0]!)]!.custom_id;
    const [one, two] = await Promise.all([
      world.discord.click(opened.message, id, alice),
      world.discord.click(opened.message, id, alice, { stale: true }),
    ]);
    for (const click of [one, two]) expect(lastEmbed(click).title).toBe('Daily challenge: question 2 of 5');
    const { last } = await play(alice, '2026-12-01', [true, true, true, true]);
    expect(lastEmbed(last!).title).toBe('Daily challenge of 1 December 2026: 4 of 5 right');
  });
});

describe('leaving mid-way', () => {
  it('/quiz daily resumes at the next question, after a restart too, and the old message still works', async () => {
    const questions = questionsOf('2026-12-01');
    const { clicks } = await play(alice, '2026-12-01', [true, false]);
    const leftAt = clicks.at(-1)!.message;
    await world.restart();
    const resumed = await world.discord.slash('/quiz daily', alice);
    expect(resumed.data.embeds).toHaveLength(1);
    expect(resumed.data.embeds![0]!.title).toBe('Daily challenge: question 3 of 5');
    expect(resumed.data.embeds![0]!.description).toBe(
      `Welcome back: you stopped before question 3.\n\n${promptText(questions[2]!, 'en')}`,
    );
    // The message she left answers too: the run is in the store, not in the process that showed it.
    const fromOld = await world.discord.click(leftAt, buttonsOf(leftAt)[questions[2]!.answer]!.custom_id, alice);
    expect(fromOld.data.embeds![0]!.title).toBe('✅ Right · 3/5');
    expect(lastEmbed(fromOld).title).toBe('Daily challenge: question 4 of 5');
    // The resumed message is one question behind now: its click shows where she is, unscored.
    const behind = await world.discord.click(resumed.message, buttonsOf(resumed.message)[0]!.custom_id, alice);
    expect(behind.data.embeds).toHaveLength(1);
    expect(lastEmbed(behind).title).toBe('Daily challenge: question 4 of 5');
    const { last } = await play(alice, '2026-12-01', [true, true]);
    expect(lastEmbed(last!).title).toBe('Daily challenge of 1 December 2026: 4 of 5 right');
  });

  it('in Korean: resumed at the next question', async () => {
    const questions = questionsOf('2026-12-01');
    await play(ko(alice), '2026-12-01', [true]);
    const resumed = await world.discord.slash('/quiz daily', ko(alice));
    expect(resumed.data.embeds![0]!.title).toBe('오늘의 퀴즈: 문제 2/5');
    expect(resumed.data.embeds![0]!.description).toBe(
      `다시 오셨네요. 2번 문제부터 이어서 풉니다.\n\n${promptText(questions[1]!, 'ko')}`,
    );
  });
});

describe('days and streaks', () => {
  /** Alice plays the day of the clock, every answer right; returns her result embed. */
  async function playDay(at: string, actor: object = alice) {
    clock.now = new Date(at);
    const day = at.slice(0, 10);
    return lastEmbed((await play(actor, day, [true, true, true, true, true])).last!);
  }

  it('each day has new questions; consecutive days make a streak, a missed day breaks it and the best stays', async () => {
    expect(questionsOf('2026-12-02').map((q) => promptText(q, 'en'))).not.toEqual(
      questionsOf('2026-12-01').map((q) => promptText(q, 'en')),
    );
    expect(fieldOf(await playDay('2026-12-01T10:00:00Z'), 'Streak')).toBe('🔥 1 day in a row (best: 1 day)');
    // The next day (a minute after midnight UTC), the one try is new again.
    const day2 = await playDay('2026-12-02T00:01:00Z');
    expect(day2.title).toBe('Daily challenge of 2 December 2026: 5 of 5 right');
    expect(fieldOf(day2, 'Streak')).toBe('🔥 2 days in a row (best: 2 days)');
    const day3 = await playDay('2026-12-03T23:59:00Z');
    expect(fieldOf(day3, 'Streak')).toBe('🔥 3 days in a row (best: 3 days)');
    expect(fieldOf(day3, 'Board of the day')).toBe(`1. <@${alice.userId}>: 5/5 · 🔥 3`);
    // 4 December is missed.
    const day5 = await playDay('2026-12-05T12:00:00Z');
    expect(fieldOf(day5, 'Streak')).toBe('🔥 1 day in a row (best: 3 days)');
    await world.restart();
    clock.now = new Date('2026-12-06T09:00:00Z');
    expect(fieldOf(await playDay('2026-12-06T09:00:00Z'), 'Streak')).toBe('🔥 2 days in a row (best: 3 days)');
  });

  it('in Korean: the streak over three days, then broken', async () => {
    await playDay('2026-12-01T10:00:00Z', ko(alice));
    await playDay('2026-12-02T10:00:00Z', ko(alice));
    expect(fieldOf(await playDay('2026-12-03T10:00:00Z', ko(alice)), '연속 참여')).toBe('🔥 3일 연속 (최고 3일)');
    expect(fieldOf(await playDay('2026-12-05T10:00:00Z', ko(alice)), '연속 참여')).toBe('🔥 1일 연속 (최고 3일)');
  });

  it("follows the server's time zone when it has a daily post: Seoul's day starts at 15:00 UTC", async () => {
    const admin = { ...ADMIN_ACTOR, channelId: world.discord.defaultChannelId };
    clock.now = new Date('2026-11-30T16:00:00Z');
    const utc = await world.discord.slash('/quiz daily', bob);
    expect(utc.data.embeds![0]!.footer?.text).toMatch(/^30 November 2026 ·/);
    await world.discord.slash('/daily set channel:#general timezone:Asia/Seoul', admin);
    const seoul = await world.discord.slash('/quiz daily', alice);
    expect(seoul.data.embeds![0]!.footer?.text).toMatch(/^1 December 2026 ·/);
    expect(seoul.data.embeds![0]!.description).toBe(promptText(questionsOf('2026-12-01')[0]!, 'en'));
    const done = lastEmbed((await play(alice, '2026-12-01', [true, true, true, true, true])).last!);
    expect(done.description).toContain(`opens <t:${Date.parse('2026-12-01T15:00:00Z') / 1000}:R>`);
  });

  it('a run begun before midnight may be finished after it, for its own day; older buttons are closed', async () => {
    clock.now = new Date('2026-12-01T23:58:00Z');
    const { clicks } = await play(alice, '2026-12-01', [true, true, true]);
    const left = clicks.at(-1)!.message;
    clock.now = new Date('2026-12-02T00:05:00Z');
    const questions = questionsOf('2026-12-01');
    let message = left;
    let last: InteractionResult | undefined;
    for (const index of [3, 4]) {
      last = await world.discord.click(message, buttonsOf(message)[questions[index]!.answer]!.custom_id, alice);
      message = last.message;
    }
    const result = lastEmbed(last!);
    expect(result.title).toBe('Daily challenge of 1 December 2026: 5 of 5 right');
    expect(result.description).toBe(
      '✅ ✅ ✅ ✅ ✅\n\nYou finished the challenge of 1 December 2026, which counts for that day.',
    );
    // Today's challenge is a new one, and the streak counts both days.
    const today = lastEmbed((await play(alice, '2026-12-02', [true, true, true, true, true])).last!);
    expect(today.title).toBe('Daily challenge of 2 December 2026: 5 of 5 right');
    expect(fieldOf(today, 'Streak')).toBe('🔥 2 days in a row (best: 2 days)');
    // A button of a challenge two days old answers that it is closed.
    clock.now = new Date('2026-12-03T12:00:00Z');
    const opened = (await world.discord.slash('/quiz daily', bob)).message;
    const old = buttonsOf(opened)[0]!.custom_id.replace(/:2026-12-03:/, ':2026-12-01:');
    const closed = await world.discord.click(opened, old, bob, { stale: true });
    expect(closed.data.content).toBe("The challenge of 1 December 2026 is closed. Play today's with /quiz daily.");
    expect(closed.data.embeds).toEqual([]);
    expect(closed.data.components).toEqual([]);
    const closedKo = await world.discord.click(opened, old, ko(bob), { stale: true });
    expect(closedKo.data.content).toBe(
      '2026년 12월 1일 퀴즈는 마감되었습니다. 오늘의 퀴즈는 `/퀴즈 오늘` 명령으로 풀어 보세요.',
    );
  });
});
