// Transform 2 (§6): prose around the JSON ("Here is the summary: {…} Let me know…").
import { matchingCloser } from "./json-scanner.js";

interface Candidate {
  start: number;
  end: number;
  opener: string;
}

/**
 * Cuts the text down to its JSON value. Each `{` or `[` outside an earlier candidate starts a
 * candidate that ends at its matching closer (string-aware) — or at the end of the text when it never
 * closes, so a later transform can add the missing closers. The longest candidate wins (the payload
 * is the bulk of an answer; a footnote like `[1]` is not). Returns the text unchanged when there is
 * no opener, when the window is the whole trimmed text, or when another candidate opens with the same
 * bracket: two objects (`{…} {…}`) are concatenated values or an example beside the answer, and
 * picking one would silently drop the other.
 *
 * @example
 * extractJsonWindow('Sure [1]! {"risk_level": "low"} Hope this helps.'); // '{"risk_level": "low"}'
 * extractJsonWindow('{"a": 1}\n{"a": 2}'); // unchanged
 */
export function extractJsonWindow(text: string): string {
  const candidates = findCandidates(text);
  let best: Candidate | undefined;
  for (const candidate of candidates) {
    if (best === undefined || candidate.end - candidate.start > best.end - best.start) best = candidate;
  }
  if (best === undefined) return text;
  const { opener } = best;
  if (candidates.filter((candidate) => candidate.opener === opener).length > 1) return text;
  const window = text.slice(best.start, best.end);
  return window === text.trim() ? text : window;
}

function findCandidates(text: string): Candidate[] {
  const candidates: Candidate[] = [];
  let i = 0;
  while (i < text.length) {
    const opener = text[i] as string;
    if (opener !== "{" && opener !== "[") {
      i++;
      continue;
    }
    const close = matchingCloser(text, i);
    candidates.push({ start: i, end: close === -1 ? text.trimEnd().length : close + 1, opener });
    if (close === -1) break;
    i = close + 1;
  }
  return candidates;
}
