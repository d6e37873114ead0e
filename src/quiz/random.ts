// A small seedable random source for the quiz, so a seed always gives the same questions (tests, replays).

/** Uniform in [0, 1), like Math.random. */
export type Random = () => number;

/** mulberry32: 32-bit state, fast, and good enough to pick quiz questions. */
export function seededRandom(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A whole number in [0, n). */
export function randomInt(random: Random, n: number): number {
  return Math.min(n - 1, Math.floor(random() * n));
}

/** One item, uniformly; undefined for an empty list. */
export function pick<T>(random: Random, items: readonly T[]): T | undefined {
  if (items.length === 0) return undefined;
  return items[randomInt(random, items.length)];
}

/** One item, with probability proportional to its weight (weights ≤ 0 are never picked). */
export function pickWeighted<T>(random: Random, items: readonly T[], weight: (item: T) => number): T | undefined {
  const weights = items.map((item) => Math.max(0, weight(item)));
  const total = weights.reduce((sum, w) => sum + w, 0);
  if (total <= 0) return undefined;
  let left = random() * total;
  for (let i = 0; i < items.length; i++) {
    left -= weights[i]!;
    if (left < 0 && weights[i]! > 0) return items[i];
  }
  // Rounding can leave a sliver: the last item with weight.
  for (let i = items.length - 1; i >= 0; i--) if (weights[i]! > 0) return items[i];
  return undefined;
}

/** A shuffled copy (Fisher–Yates); the input is left as it was. */
export function shuffle<T>(random: Random, items: readonly T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = randomInt(random, i + 1);
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

/** `count` distinct items drawn in proportion to their weights, without replacement. */
export function sampleWeighted<T>(
  random: Random,
  items: readonly T[],
  count: number,
  weight: (item: T) => number,
): T[] {
  const left = [...items];
  const chosen: T[] = [];
  while (chosen.length < count) {
    const item = pickWeighted(random, left, weight);
    if (item === undefined) break;
    chosen.push(item);
    left.splice(left.indexOf(item), 1);
  }
  return chosen;
}
