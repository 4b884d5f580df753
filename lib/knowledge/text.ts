// Word-level helpers of the built-in answerer: pure, so the browser could run them too.

/** Lower case, accents removed: "Devolução" → "devolucao". */
export function plain(word: string) {
  return word
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase();
}

/** The words of a shopper's text, at most 40 (a longer message is not a question). */
export function wordsOf(text: string) {
  return (text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 40);
}

/**
 * Optimal string alignment distance (Levenshtein plus adjacent transpositions: "retrun" →
 * "return" is 1), stopping early once it exceeds `max`.
 */
export function editDistance(a: string, b: string, max: number) {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  // Three rows reused across calls: the answerer compares thousands of word pairs a question.
  if (rows[0]!.length <= b.length) rows = [0, 1, 2].map(() => new Int32Array(b.length + 1));
  let [prev2, prev, cur] = rows as [Int32Array, Int32Array, Int32Array];
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2]! + 1);
      cur[j] = d;
      rowMin = Math.min(rowMin, d);
    }
    if (rowMin > max) return max + 1;
    const oldest = prev2;
    prev2 = prev;
    prev = cur;
    cur = oldest;
  }
  return prev[b.length]!;
}
let rows = [0, 1, 2].map(() => new Int32Array(32));

/**
 * Whether two words are the same word mistyped: one edit for words of 4–7 letters, two from 8;
 * shorter words must be spelled right ("card" and "cart" are different things).
 */
export function isTypoOf(typed: string, known: string) {
  const shorter = Math.min(typed.length, known.length);
  if (shorter < 4 || typed === known) return false;
  const max = shorter >= 8 ? 2 : 1;
  return editDistance(typed, known, max) <= max;
}
