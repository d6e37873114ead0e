// The daily challenge needs nothing in memory: two processes on one store (two Store objects on one SQLite file
// here) serve one player's clicks in turn, and two players finishing at once both end up on the board of the day.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadFacts } from '../../src/facts/load.js';
import { dataDir } from '../../src/paths.js';
import { challengeMark, dailyQuestions } from '../../src/quiz/daily-challenge.js';
import { DailyChallenge, type DailyView } from '../../src/quiz/daily-play.js';
import { Store } from '../../src/store/open-store.js';
import { DailyChallengeRepository } from '../../src/store/daily-challenge-repository.js';

const facts = loadFacts(dataDir);
const guildId = '900000000000000001';
const day = '2026-12-01';
const questions = dailyQuestions(facts, guildId, day);
const mark = challengeMark(questions);
const now = () => new Date('2026-12-01T10:00:00Z');

let dir: string;
let stores: Store[];
let processes: DailyChallenge[];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'attache-daily-'));
  const url = `sqlite://${join(dir, 'store.sqlite')}`;
  stores = [await Store.open(url), await Store.open(url)];
  processes = stores.map(
    (store) =>
      new DailyChallenge({ facts, repository: new DailyChallengeRepository(store), now, zoneOf: async () => 'UTC' }),
  );
});
afterEach(async () => {
  for (const store of stores) await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const click = (index: number, right: boolean) => ({
  day,
  index,
  mark,
  choice: right ? questions[index]!.answer : (questions[index]!.answer + 1) % 4,
});
const result = (view: DailyView) => {
  if (view.kind !== 'result') throw new Error(`expected the result, got ${view.kind}`);
  return view;
};

describe('the daily challenge on two processes', () => {
  it("serves one player's clicks alternately from either, as if from one", async () => {
    const [a, b] = processes as [DailyChallenge, DailyChallenge];
    expect((await a.open(guildId, 'alice')).kind).toBe('question');
    const answers = [true, false, true, true, false];
    let view: DailyView | undefined;
    for (const [index, right] of answers.entries()) {
      view = await (index % 2 === 0 ? b : a).answer(guildId, 'alice', click(index, right));
    }
    const done = result(view!);
    expect(done.run.answers.map((answer) => answer.right)).toEqual(answers);
    expect(done.board.map((player) => [player.userId, player.entry.right])).toEqual([['alice', 3]]);
    // A click of question 3 arriving again at the other process changes nothing.
    const again = result(await a.answer(guildId, 'alice', click(2, false)));
    expect(again.run.answers.map((answer) => answer.right)).toEqual(answers);
    expect(again.again).toBe(true);
  });

  it('two players finishing at the same moment on different processes are both on the board, at the latest once they look again', async () => {
    const [a, b] = processes as [DailyChallenge, DailyChallenge];
    for (const index of [0, 1, 2, 3]) {
      await a.answer(guildId, 'alice', click(index, true));
      await b.answer(guildId, 'bob', click(index, false));
    }
    await Promise.all([a.answer(guildId, 'alice', click(4, true)), b.answer(guildId, 'bob', click(4, true))]);
    // Each looks again (the player whose entry another write replaced is put back then)...
    await b.open(guildId, 'alice');
    await a.open(guildId, 'bob');
    // ...and from then on both are on the board, whoever asks, wherever.
    for (const [process, userId] of [
      [a, 'alice'],
      [b, 'bob'],
    ] as const) {
      const view = result(await process.open(guildId, userId));
      expect(view.board.map((player) => [player.userId, player.entry.right])).toEqual([
        ['alice', 5],
        ['bob', 1],
      ]);
    }
  });
});
