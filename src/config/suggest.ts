import { configText } from '../messages/config.js';
import type { Text } from '../messages/text.js';
/**
 * "Did you mean …?" for config keys and references: the closest known word by edit
 * distance, when it is close enough to be a plausible typo.
 */

/** Edit distance counting a swap of two neighbours as one edit (feild → field). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.length][b.length];
}

/**
 * The closest candidate, when it is a plausible typo: by default within a third of the
 * word's length (at least 1, at most 3 edits); `maxDistance` sets another limit.
 */
export function closest(word: string, candidates: Iterable<string>, maxDistance?: number): string | null {
  const limit = maxDistance ?? Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = editDistance(word.toLowerCase(), candidate.toLowerCase());
    // Changing every character is no typo ("x" → "p").
    if (d < bestDistance && d < word.length) {
      best = candidate;
      bestDistance = d;
    }
  }
  return bestDistance <= limit ? best : null;
}

/** ` (did you mean "x"?)`, or an empty string. */
export function didYouMean(word: string, candidates: Iterable<string>): Text | '' {
  const match = closest(word, candidates);
  return match ? configText.didYouMean({ match }) : '';
}
