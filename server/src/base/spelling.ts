/** The closest candidate to a misspelt word, or undefined when nothing is close enough to be meant. */
export function closest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  // Short words need a closer match: `x` is not a typo of `t`.
  const limit = Math.min(word.length - 1, Math.max(2, Math.floor(word.length * 0.4)));
  for (const candidate of candidates) {
    // A word cut short (`checkup` for `checkup-result`) is as good as one typo.
    const shortened = word.length >= 3 && candidate.toLowerCase().startsWith(word.toLowerCase());
    const distance = shortened ? 1 : editDistance(word.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance && distance <= limit) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/** Levenshtein distance, with one row of memory. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
