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
  components?: { components: { custom_id: string; label?: string }[] }[];
  ephemeral?: boolean;
};

async function setup(options: { seconds?: number } = {}) {
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
    userId: 'starter',
    deferred: false,
    replied: false,
    reply: async (options: Reply) => void replies.push(options as Replied),
  };
  await runner.begin(interaction, { rounds: 2, difficulty: 'easy', language: 'en', ...options });
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

  it('a changed answer, a second change, a late one, one for another round or another quiz each get their own private note', async () => {
    const { click, customIds, clock, replies } = await setup();
    const notes: Replied[] = [];
    await click('alice', customIds[0]!);
    notes.push(await click('alice', customIds[1]!));
    notes.push(await click('alice', customIds[1]!));
    notes.push(await click('alice', customIds[2]!));
    const [, , quizId] = customIds[0]!.split(':');
    notes.push(await click('bob', `quiz:answer:${quizId}:1:0`));
    notes.push(await click('bob', `quiz:answer:other:0:0`));
    notes.push(await click('bob', customIds[0]!, 'c-other'));
    clock.now = t0 + answerWindowMs;
    notes.push(await click('bob', customIds[0]!));
    const label = (index: number) => replies[0]!.components![0]!.components[index]!.label!.slice(4);
    expect(notes.map((note) => note.content)).toEqual([
      `You changed your answer to **${label(1)}**. You may change it only once before the reveal.`,
      `Your answer is still **${label(1)}**.`,
      `You have already changed your answer once; **${label(1)}** stands.`,
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
    await click('bob', customIds[(questions[0]!.answer + 1) % 4]!); // two players: the quiz counts
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
    const again = {
      ...where,
      channelId: 'c9',
      userId: 'starter',
      deferred: false,
      replied: false,
      reply: async () => undefined,
    };
    await runner.begin(again, { rounds: 1, difficulty: 'easy', language: 'en' });
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

describe('/quiz stop', () => {
  it('only the starter or Manage Server may stop; the open question is dropped, closed rounds keep their points', async () => {
    const { runner, click, customIds, clock, sent, repository } = await setup();
    await click('alice', customIds[questions[0]!.answer]!);
    await click('bob', customIds[(questions[0]!.answer + 1) % 4]!);
    clock.now = t0 + answerWindowMs;
    await runner.tick(); // round 1 closed and recorded; question 2 is message m1
    const open = await repository.statsOf('g1', 'alice');
    expect(await runner.end('elsewhere', { userId: 'starter', manageServer: true })).toEqual({ kind: 'none' });
    expect(await runner.end(where.channelId, { userId: 'bob', manageServer: false })).toEqual({ kind: 'refused' });
    expect(runner.isRunning(where.channelId)).toBe(true);
    // alice answers question 2, then the quiz is stopped by a moderator: that answer never counts.
    const openMessage = (await repository.allActive())[0]!.messageId;
    expect(openMessage).toBe('m1');
    const second = sent.at(-1)!.body as unknown as { components: { components: { custom_id: string }[] }[] };
    await click('alice', second.components[0]!.components[questions[1]!.answer]!.custom_id);
    const stopped = await runner.end(where.channelId, { userId: 'mod', manageServer: true });
    expect(stopped.kind).toBe('stopped');
    const final = (stopped as { final: Replied }).final;
    expect(final.embeds?.[0]?.title).toBe('Quiz stopped: final scores');
    expect(JSON.stringify(final)).toContain('<@mod> stopped the quiz after 1 of 2 questions.');
    expect(JSON.stringify(final)).toContain('<@alice>: 1,000 points (1/1 right)');
    expect(sent.at(-1)).toMatchObject({
      method: 'patch',
      route: `/webhooks/${where.applicationId}/${where.token}/messages/m1`,
      body: { content: '⏹️ <@mod> stopped this quiz.', components: [] },
    });
    expect(runner.isRunning(where.channelId)).toBe(false);
    expect(await repository.allActive()).toEqual([]);
    expect(await repository.statsOf('g1', 'alice')).toEqual(open);
    const count = sent.length;
    clock.now += answerWindowMs;
    await runner.tick();
    expect(sent).toHaveLength(count); // nothing more is sent for a stopped quiz
  });

  it('the starter may stop without Manage Server', async () => {
    const { runner } = await setup();
    expect((await runner.end(where.channelId, { userId: 'starter', manageServer: false })).kind).toBe('stopped');
  });
});

describe('the answer time and who counts', () => {
  it('a quiz started with 10 seconds closes each question after 10 seconds', async () => {
    const { runner, clock, sent } = await setup({ seconds: 10 });
    clock.now = t0 + 9_999;
    await runner.tick();
    expect(sent).toEqual([]);
    clock.now = t0 + 10_000;
    await runner.tick();
    expect(sent.map((s) => s.method)).toEqual(['patch', 'post']);
  });

  it('a solo quiz is not recorded; a second player joining later brings the earlier rounds in', async () => {
    const solo = await setup();
    await solo.click('alice', solo.customIds[questions[0]!.answer]!);
    solo.clock.now = t0 + answerWindowMs;
    await solo.runner.tick();
    solo.clock.now += answerWindowMs;
    await solo.runner.tick();
    expect(await solo.repository.board('g1')).toEqual({});
    expect(solo.messages('info')).toContain('quiz not counted: too few players');
    expect(JSON.stringify(solo.sent.at(-1)!.body)).toContain('Fewer than 2 players took part');

    const pair = await setup();
    await pair.click('alice', pair.customIds[questions[0]!.answer]!);
    pair.clock.now = t0 + answerWindowMs;
    await pair.runner.tick();
    expect(await pair.repository.board('g1')).toEqual({}); // held: alice is alone so far
    const second = pair.sent.at(-1)!.body as unknown as { components: { components: { custom_id: string }[] }[] };
    await pair.click('bob', second.components[0]!.components[0]!.custom_id);
    pair.clock.now += answerWindowMs;
    await pair.runner.tick();
    expect(Object.keys(await pair.repository.board('g1')).sort()).toEqual(['alice', 'bob']);
    expect(await pair.repository.statsOf('g1', 'alice')).toMatchObject({ answered: 1, right: 1 });
    expect(await pair.repository.monthBoard('g1', '2026-11')).toEqual(await pair.repository.board('g1'));
    expect(JSON.stringify(pair.sent.at(-1)!.body)).toContain('Scores count towards /quiz leaderboard.');
  });
});
