// The quiz runner: drives the game with the clock, keeps the scores, and talks to Discord through the starting
// interaction's webhook. Discord is a fake REST client and fake interactions that record what the bot sent.
import type { REST } from '@discordjs/rest';
import type { Reply } from '../../src/render/reply.js';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { QuizRunner } from '../../src/bot/quiz-runner.js';
import type { Facts } from '../../src/facts/facts.js';
import { loadFacts } from '../../src/facts/load.js';
import { dataDir } from '../../src/paths.js';
import { answerWindowMs } from '../../src/quiz/game.js';
import { generateQuiz } from '../../src/quiz/generators.js';
import type { Question } from '../../src/quiz/question.js';
import { seededRandom } from '../../src/quiz/random.js';
import { Store, StoreUnavailableError } from '../../src/store/open-store.js';
import { QuizRepository } from '../../src/store/quiz-repository.js';
import { recordingLog } from './recording-log.js';

afterEach(() => {
  vi.useRealTimers();
});

const seed = 20250410;
const t0 = Date.parse('2026-11-26T12:00:00Z');
const where = { guildId: 'g1', channelId: 'c1', applicationId: 'app1', token: 'tok-1' };

let facts: Facts;
let questions: Question[];
beforeAll(() => {
  facts = loadFacts(dataDir);
  questions = generateQuiz(facts, 2, 'easy', seededRandom(seed));
});

interface Sent {
  method: 'patch' | 'post';
  route: string;
  body: { content?: string; embeds?: { title?: string; fields?: { name: string; value: string }[] }[] };
  query?: string;
  /** Webhook calls carry no bot token. */
  auth?: boolean;
}
type Replied = {
  content?: string;
  embeds?: { title?: string }[];
  components?: { components: { custom_id: string }[] }[];
  ephemeral?: boolean;
};

async function setup() {
  const clock = { now: t0 };
  const store = await Store.open('memory://');
  const repository = new QuizRepository(store);
  const sent: Sent[] = [];
  const discord = { failPatch: undefined as Error | undefined, nextId: 1 };
  const rest = {
    patch: async (route: string, { body, auth }: { body: Sent['body']; auth?: boolean }) => {
      sent.push({ method: 'patch', route, body, auth });
      if (discord.failPatch) throw discord.failPatch;
      return {};
    },
    post: async (
      route: string,
      { body, query, auth }: { body: Sent['body']; query?: URLSearchParams; auth?: boolean },
    ) => {
      sent.push({ method: 'post', route, body, query: query?.toString(), auth });
      return { id: `m${discord.nextId++}` };
    },
  } as unknown as REST;
  const { log, lines: logs, messages } = recordingLog();
  const runner = new QuizRunner({ now: () => new Date(clock.now), log, facts }, rest, repository, () => seed);
  const replies: Replied[] = [];
  const interaction = {
    ...where,
    deferred: false,
    replied: false,
    reply: async (options: Reply) => void replies.push(options as Replied),
  };
  await runner.begin(interaction, 2, 'easy', 'en');
  const customIds = replies[0]!.components!.flatMap((row) => row.components.map((button) => button.custom_id));
  const click = async (userId: string, customId: string, channelId = where.channelId) => {
    const answers: Replied[] = [];
    const button = {
      customId,
      channelId,
      user: { id: userId },
      deferred: false,
      replied: false,
      reply: async (options: Reply) => void answers.push(options as Replied),
    };
    await runner.answer(button, 'en');
    return answers[0]!;
  };
  return { clock, store, repository, sent, discord, runner, replies, customIds, click, logs, messages };
}

describe('starting a quiz', () => {
  it('answers /quiz start with the first question and remembers the quiz, so a restart can close it', async () => {
    const { runner, replies, repository, customIds } = await setup();
    expect(replies).toHaveLength(1);
    expect(replies[0]!.embeds?.[0]?.title).toBe('Question 1 of 2');
    expect(customIds).toHaveLength(4);
    expect(runner.isRunning(where.channelId)).toBe(true);
    expect(runner.isRunning('elsewhere')).toBe(false);
    const quizId = customIds[0]!.split(':')[2]!;
    expect(await repository.allActive()).toEqual([
      { quizId, ...where, messageId: '@original', language: 'en', startedAt: new Date(t0).toISOString() },
    ]);
  });
});

describe('answers', () => {
  it('a first answer is recorded and acknowledged privately with the choice', async () => {
    const { click, customIds } = await setup();
    const reply = await click('alice', customIds[questions[0]!.answer]!);
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toMatch(/^You answered \*\*.+\*\*\. The answer is revealed when time is up\.$/);
  });

  it('a second answer, a late one, one for another round or another quiz each get their own private note', async () => {
    const { click, customIds, clock } = await setup();
    const notes: Replied[] = [];
    await click('alice', customIds[0]!);
    notes.push(await click('alice', customIds[1]!));
    const [, , quizId] = customIds[0]!.split(':');
    notes.push(await click('bob', `quiz:answer:${quizId}:1:0`));
    notes.push(await click('bob', `quiz:answer:other:0:0`));
    notes.push(await click('bob', customIds[0]!, 'c-other'));
    clock.now = t0 + answerWindowMs;
    notes.push(await click('bob', customIds[0]!));
    expect(notes.map((note) => note.content)).toEqual([
      'You have already answered this question.',
      'This question is closed.',
      'This quiz has ended. Start a new one with /quiz start.',
      'This quiz has ended. Start a new one with /quiz start.',
      'This question is closed.',
    ]);
    for (const note of notes) expect(note.ephemeral).toBe(true); // only the clicker sees it
  });
});

describe('the clock', () => {
  it('before the deadline nothing happens; at it, the reveal, the scores, and the next question', async () => {
    const { runner, click, customIds, clock, sent, repository } = await setup();
    const right = questions[0]!.answer;
    clock.now = t0 + answerWindowMs / 2;
    await click('alice', customIds[right]!);
    await click('bob', customIds[(right + 1) % 4]!);
    clock.now = t0 + answerWindowMs - 1;
    await runner.tick();
    expect(sent).toEqual([]);
    clock.now = t0 + answerWindowMs;
    await runner.tick();
    expect(sent.map((s) => [s.method, s.route])).toEqual([
      ['patch', `/webhooks/${where.applicationId}/${where.token}/messages/%40original`],
      ['post', `/webhooks/${where.applicationId}/${where.token}`],
    ]);
    expect(sent[0]!.body.embeds?.[0]?.fields?.find((field) => field.name === 'Got it right')?.value).toBe(
      '<@alice> +750',
    );
    expect(sent[1]!.query).toBe('wait=true');
    expect(sent.map((s) => s.auth)).toEqual([false, false]);
    expect(sent[1]!.body.embeds?.[0]?.title).toBe('Question 2 of 2');
    expect(await repository.statsOf('g1', 'alice')).toMatchObject({
      answered: 1,
      right: 1,
      points: 750,
      currentStreak: 1,
    });
    expect(await repository.statsOf('g1', 'bob')).toMatchObject({ answered: 1, right: 0, points: 0 });
    // The next question is the message a restart would close.
    expect((await repository.allActive())[0]?.messageId).toBe('m1');
  });

  it('the last round ends the quiz: the final board, and the quiz is forgotten', async () => {
    const { runner, clock, sent, repository, click, customIds } = await setup();
    await click('alice', customIds[questions[0]!.answer]!);
    clock.now = t0 + answerWindowMs;
    await runner.tick();
    clock.now += answerWindowMs;
    await runner.tick();
    expect(sent.map((s) => s.method)).toEqual(['patch', 'post', 'patch', 'post']);
    expect(sent[2]!.route).toBe(`/webhooks/${where.applicationId}/${where.token}/messages/m1`);
    expect(sent[3]!.body.embeds?.[0]?.title).toBe('Quiz over: final scores');
    expect(JSON.stringify(sent[3]!.body)).toContain('<@alice>: 1,000 points (1/2 right)');
    expect(runner.isRunning(where.channelId)).toBe(false);
    expect(await repository.allActive()).toEqual([]);
    clock.now += answerWindowMs;
    await runner.tick();
    expect(sent).toHaveLength(4);
  });

  it('ticks never overlap: a round is closed once even when a tick comes while the last one still runs', async () => {
    const { runner, clock, sent } = await setup();
    clock.now = t0 + answerWindowMs;
    await Promise.all([runner.tick(), runner.tick(), runner.tick()]);
    expect(sent.map((s) => s.method)).toEqual(['patch', 'post']);
  });

  it('scores the store cannot take now are kept and written with the next round', async () => {
    const { runner, clock, sent, repository, store, click, customIds, messages } = await setup();
    const boards = await store.namespace('quiz-boards');
    const set = boards.set.bind(boards);
    boards.set = () => Promise.reject(new StoreUnavailableError('quiz-boards set', 'down'));
    await click('alice', customIds[questions[0]!.answer]!);
    clock.now = t0 + answerWindowMs;
    await runner.tick();
    expect(sent.map((s) => s.method)).toEqual(['patch', 'post']); // the quiz goes on
    expect(messages('warn')).toEqual(['round scores kept in memory until the store answers']);
    boards.set = set;
    clock.now += answerWindowMs;
    await runner.tick();
    expect(await repository.statsOf('g1', 'alice')).toMatchObject({ answered: 1, right: 1, points: 1000 });
  });

  it('when Discord refuses the reveal, the quiz ends rather than run rounds nobody sees', async () => {
    const { runner, clock, sent, discord, repository, logs } = await setup();
    discord.failPatch = new Error('Unknown Webhook');
    clock.now = t0 + answerWindowMs;
    await runner.tick();
    expect(runner.isRunning(where.channelId)).toBe(false);
    expect(logs.filter((line) => line.level === 'error')).toEqual([
      {
        level: 'error',
        msg: 'quiz ended early: its messages could not be sent',
        fields: { err: discord.failPatch, quizId: expect.any(String) },
      },
    ]);
    expect(await repository.allActive()).toEqual([]);
    clock.now += answerWindowMs;
    await runner.tick();
    expect(sent).toHaveLength(1);
  });
});

describe('the clock, as started', () => {
  it('ticks every second once started: a round closes within a second of its deadline', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const { runner, clock, sent } = await setup();
    runner.start();
    clock.now = t0 + answerWindowMs;
    await vi.advanceTimersByTimeAsync(999);
    expect(sent).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(sent.map((s) => s.method)).toEqual(['patch', 'post']);
    await runner.stop();
  });

  it('says when it started a quiz, when one finished, and when the store could not mark one active', async () => {
    const { runner, clock, messages, repository, store } = await setup();
    expect(messages('info')).toEqual(['quiz started']);
    clock.now = t0 + answerWindowMs;
    await runner.tick();
    clock.now += answerWindowMs;
    await runner.tick();
    expect(messages('info')).toEqual(['quiz started', 'quiz finished']);
    const active = await store.namespace('quiz-active');
    active.set = () => Promise.reject(new StoreUnavailableError('quiz-active set', 'down'));
    const again = { ...where, channelId: 'c9', deferred: false, replied: false, reply: async () => undefined };
    await runner.begin(again, 1, 'easy', 'en');
    expect(runner.isRunning('c9')).toBe(true);
    expect(messages('warn')).toEqual(['quiz not marked active']);
    expect(await repository.allActive()).toEqual([]);
  });
});

describe('after a restart', () => {
  it('each quiz cut short gets its last message closed, even if one cannot be, and is forgotten', async () => {
    const { runner, sent, repository, discord, logs } = await setup();
    await repository.markActive({
      quizId: 'q2',
      ...where,
      channelId: 'c2',
      token: 'tok-2',
      messageId: 'm9',
      language: 'ko',
      startedAt: '',
    });
    discord.failPatch = new Error('Unknown Webhook');
    expect(await runner.closeInterrupted()).toBe(2);
    expect(
      logs
        .filter((line) => line.level === 'warn')
        .map((line) => [line.msg, line.fields.quizId])
        .sort(),
    ).toEqual([
      ['could not close an interrupted quiz message', expect.stringMatching(/^[0-9a-f]{8}$/)],
      ['could not close an interrupted quiz message', 'q2'],
    ]);
    expect(sent.map((s) => s.route).sort()).toEqual([
      `/webhooks/${where.applicationId}/tok-1/messages/%40original`,
      `/webhooks/${where.applicationId}/tok-2/messages/m9`,
    ]);
    const korean = sent.find((s) => s.route.includes('tok-2'))!.body.content;
    expect(korean).toBeTruthy();
    expect(korean).not.toBe(sent.find((s) => s.route.includes('tok-1'))!.body.content);
    expect(await repository.allActive()).toEqual([]);
  });

  it('stop waits for a tick in flight', async () => {
    const { runner, clock, sent } = await setup();
    clock.now = t0 + answerWindowMs;
    runner.start();
    const ticking = runner.tick();
    await runner.stop();
    expect(sent.map((s) => s.method)).toEqual(['patch', 'post']);
    await ticking;
  });
});
