/**
 * A seeded pseudo-random source (mulberry32): the same seed gives the same sequence on every platform and
 * Node version, so a corpus is byte-identical for the same options. Never use `Math.random` in the generator.
 */

/** @param {number} seed */
export function createRandom(seed) {
  let state = (seed >>> 0) ^ 0x9e3779b9;
  /** A float in [0, 1). */
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const random = {
    next,
    /** An integer in [lo, hi], both included. */
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
    chance: (p) => next() < p,
    /** @template T @param {readonly T[]} items @returns {T} */
    pick: (items) => items[Math.floor(next() * items.length)],
    /**
     * Picks with a skew towards the front of the list (index ~ n·u²): popular modules are imported more,
     * as in real code, without one hub that everything imports.
     * @template T @param {readonly T[]} items @returns {T}
     */
    pickSkewed: (items) => items[Math.floor(next() * next() * items.length)],
    /** @template T @param {readonly T[]} items @returns {T[]} a shuffled copy */
    shuffle: (items) => {
      const copy = [...items];
      for (let i = copy.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [copy[i], copy[j]] = [copy[j], copy[i]];
      }
      return copy;
    },
    /** @template T @param {readonly T[]} items @param {number} count @returns {T[]} distinct items */
    sample: (items, count) => random.shuffle(items).slice(0, Math.max(0, count)),
  };
  return random;
}
