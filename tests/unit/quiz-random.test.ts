// The quiz's random helpers on their own: whole numbers, weighted picks, shuffles and samples, with a seeded source
// for the shares and hand-made sources for the edges.
import { describe, expect, it } from 'vitest';
import {
  pick,
  pickWeighted,
  randomInt,
  sampleWeighted,
  seededRandom,
  shuffle,
  type Random,
} from '../../src/quiz/random.js';

/** A source that gives these numbers in turn, then the last one again. */
const sequence =
  (...values: number[]): Random =>
  () =>
    values.length > 1 ? values.shift()! : values[0]!;

/** How often each value comes up in `draws` draws. */
function tally<T>(draws: number, draw: () => T): Map<T, number> {
  const counts = new Map<T, number>();
  for (let i = 0; i < draws; i++) {
    const value = draw();
    counts.set(value, (counts.get(value) ?? 0) + 1);
  }
  return counts;
}

/** Four standard deviations of a share p in n draws: a deterministic seed stays well inside it. */
const tolerance = (p: number, n: number) => 4 * Math.sqrt((p * (1 - p)) / n);

function expectShares<T>(counts: Map<T, number>, shares: Map<T, number>, draws: number) {
  expect([...counts.keys()].sort()).toEqual([...shares.keys()].sort());
  for (const [value, share] of shares) {
    expect(Math.abs((counts.get(value) ?? 0) / draws - share), String(value)).toBeLessThan(tolerance(share, draws));
  }
}

describe('whole numbers', () => {
  it('covers 0 to n − 1 evenly', () => {
    const random = seededRandom(11);
    const counts = tally(6000, () => randomInt(random, 6));
    expectShares(counts, new Map([0, 1, 2, 3, 4, 5].map((n) => [n, 1 / 6])), 6000);
  });

  it('maps the ends of the source to the ends of the range, and never reaches n', () => {
    expect(randomInt(() => 0, 5)).toBe(0);
    expect(randomInt(() => 0.999, 5)).toBe(4);
    // A source at 1 (outside its range, as rounding could make it) still gives the last number, not n.
    expect(randomInt(() => 1, 5)).toBe(4);
  });
});

describe('picking one item', () => {
  it('picks by the place the source points at', () => {
    expect(pick(() => 0, ['a', 'b', 'c'])).toBe('a');
    expect(pick(() => 0.5, ['a', 'b', 'c'])).toBe('b');
    expect(pick(() => 0.99, ['a', 'b', 'c'])).toBe('c');
    expect(pick(() => 0.5, [])).toBeUndefined();
  });
});

describe('picking one item by weight', () => {
  const weights = new Map([
    ['light', 1],
    ['heavy', 3],
    ['never', 0],
    ['negative', -5],
  ]);
  const weightOf = (item: string) => weights.get(item)!;
  const items = [...weights.keys()];

  it('picks in proportion to the weights, never an item of weight zero or less', () => {
    const random = seededRandom(5);
    const counts = tally(4000, () => pickWeighted(random, items, weightOf));
    expectShares(
      counts,
      new Map([
        ['light', 0.25],
        ['heavy', 0.75],
      ]),
      4000,
    );
  });

  it('gives each item the part of the range its weight covers, its upper border going to the next', () => {
    // Weights 1 and 3 of 4: light covers [0, 0.25), heavy [0.25, 1).
    expect(pickWeighted(() => 0, items, weightOf)).toBe('light');
    expect(pickWeighted(() => 0.2499, items, weightOf)).toBe('light');
    expect(pickWeighted(() => 0.25, items, weightOf)).toBe('heavy');
    expect(pickWeighted(() => 0.99, items, weightOf)).toBe('heavy');
    expect(pickWeighted(() => 0, ['never', 'light'], weightOf)).toBe('light');
  });

  it('gives the last item with weight when the source reaches the very end', () => {
    expect(pickWeighted(() => 1, ['light', 'heavy', 'never'], weightOf)).toBe('heavy');
    expect(pickWeighted(() => 1, ['light', 'never', 'negative'], weightOf)).toBe('light');
  });

  it('picks nothing when no item has weight', () => {
    expect(pickWeighted(() => 0.5, ['never', 'negative'], weightOf)).toBeUndefined();
    expect(pickWeighted(() => 0.5, [], weightOf)).toBeUndefined();
  });
});

describe('shuffling', () => {
  it('gives every order of three items equally often', () => {
    const random = seededRandom(3);
    const counts = tally(6000, () => shuffle(random, ['a', 'b', 'c']).join(''));
    expectShares(counts, new Map(['abc', 'acb', 'bac', 'bca', 'cab', 'cba'].map((order) => [order, 1 / 6])), 6000);
  });

  it('swaps each place, from the last, with one at or before it', () => {
    // 4 items: the last swaps with place 0, then place 2 with itself, then place 1 with place 0.
    expect(shuffle(sequence(0, 0.99, 0), [1, 2, 3, 4])).toEqual([2, 4, 3, 1]);
    expect(shuffle(() => 0.99, [1, 2, 3, 4])).toEqual([1, 2, 3, 4]);
  });

  it('leaves the input as it was and keeps short lists', () => {
    const items = [1, 2, 3];
    shuffle(() => 0, items);
    expect(items).toEqual([1, 2, 3]);
    expect(shuffle(() => 0, [7])).toEqual([7]);
    expect(shuffle(() => 0, [])).toEqual([]);
  });
});

describe('sampling by weight without replacement', () => {
  const weightOf = (item: string) => (item.startsWith('zero') ? 0 : item.startsWith('big') ? 8 : 1);

  it('draws the number asked, each item once, never one of weight zero', () => {
    const random = seededRandom(9);
    for (let i = 0; i < 50; i++) {
      const sample = sampleWeighted(random, ['a', 'b', 'zero-1', 'c', 'd', 'zero-2'], 3, weightOf);
      expect(sample).toHaveLength(3);
      expect(new Set(sample).size).toBe(3);
      expect(sample.filter((item) => item.startsWith('zero'))).toEqual([]);
    }
  });

  it('stops when the items with weight run out', () => {
    expect(sampleWeighted(seededRandom(1), ['a', 'zero', 'b'], 5, weightOf).sort()).toEqual(['a', 'b']);
    expect(sampleWeighted(seededRandom(1), ['a', 'b'], 0, weightOf)).toEqual([]);
  });

  it('draws heavier items first more often, and leaves the input as it was', () => {
    const random = seededRandom(2);
    const items = ['big', 'a', 'b'];
    const first = tally(3000, () => sampleWeighted(random, items, 2, weightOf)[0]);
    expectShares(
      first,
      new Map([
        ['big', 0.8],
        ['a', 0.1],
        ['b', 0.1],
      ]),
      3000,
    );
    expect(items).toEqual(['big', 'a', 'b']);
  });

  it('takes each next item from those not yet drawn, by weight', () => {
    // The first draw at 0 takes 'big' (8 of 10); the second, at 0.5 of what is left (a, b: 1 each), takes 'b'.
    expect(sampleWeighted(sequence(0, 0.5), ['big', 'a', 'b'], 2, weightOf)).toEqual(['big', 'b']);
  });
});
