// "Did you mean …" for a misspelt key, provider id or preset slug: the closest known word by edit
// distance, when it is close enough to be a typo rather than a different word.

/** Edit distance (insertions, deletions, substitutions, and swaps of two neighbours: "modle"), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  const rows: number[][] = [Array.from({ length: y.length + 1 }, (_, j) => j)];
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    const above = rows[i - 1] as number[];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let best = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) best = Math.min(best, ((rows[i - 2] as number[])[j - 2] as number) + 1);
      row.push(best);
    }
    rows.push(row);
  }
  return (rows[x.length] as number[])[y.length] as number;
}

/**
 * The known word closest to `word`, if at most a third of its letters (at least 1, at most 3) differ.
 *
 * @example
 * closestMatch("trafic", ["traffic", "timeline"]); // "traffic"
 */
export function closestMatch(word: string, known: Iterable<string>): string | undefined {
  const limit = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const candidate of known) {
    if (candidate === word) continue;
    const distance = editDistance(word, candidate);
    if (distance < bestDistance) [best, bestDistance] = [candidate, distance];
  }
  return best;
}

/**
 * `; did you mean "x"?` for a close known word, else "" (appended to an error message).
 *
 * @example
 * `unknown field "trafic"${didYouMean("trafic", ["traffic"])}`; // unknown field "trafic"; did you mean "traffic"?
 */
export function didYouMean(word: string, known: Iterable<string>): string {
  const match = closestMatch(word, known);
  return match === undefined ? "" : `; did you mean "${match}"?`;
}
