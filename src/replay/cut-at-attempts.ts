// Error phases never contradict a logged attempt: a certain (probability 1) error span is cut at every
// logged success inside it, and a logged failure no span covers gets its own span up to the next success
// (or the end of the run).
import type { AttemptPoint } from "./provider-timeline.js";

/** An error phase before it is written: [from, to) in ms after the first request. */
export interface ErrorSpan {
  from: number;
  to: number;
  /** null: a connection error. */
  status: number | null;
  probability: number;
}

/**
 * A boundary b with lo < b ≤ hi: a whole millisecond when one fits (readable phase times), else
 * the microsecond, else the midpoint — so a phase [b, …) holds the attempt at hi and not the one at lo.
 */
export function boundary(lo: number, hi: number): number {
  const ms = Math.floor(hi);
  if (ms > lo) return ms;
  const us = Math.floor(hi * 1000) / 1000;
  return us > lo ? us : (lo + hi) / 2;
}

/** A certain span split around the successes inside it; parts without failures are dropped. */
function cutSpan(span: ErrorSpan, points: readonly AttemptPoint[]): ErrorSpan[] {
  const inside = points.filter((p) => p.at >= span.from && p.at < span.to);
  if (span.probability < 1 || inside.every((p) => !p.ok)) return [span];
  const parts: ErrorSpan[] = [];
  let open: { from: number; last: number } | undefined;
  let lastSuccess: number | undefined;
  for (const p of inside) {
    if (!p.ok) {
      if (open) open.last = p.at;
      else open = { from: lastSuccess === undefined ? span.from : boundary(lastSuccess, p.at), last: p.at };
      continue;
    }
    if (open) parts.push({ ...span, from: open.from, to: boundary(open.last, p.at) });
    open = undefined;
    lastSuccess = p.at;
  }
  if (open) parts.push({ ...span, from: open.from });
  return parts;
}

const covers = (span: ErrorSpan, at: number): boolean => at >= span.from && at < span.to;

/**
 * @example
 * // A probe that succeeded at 300.5 s inside a 120–420 s outage splits it in two.
 * cutAtAttempts([{ from: 120_000, to: 420_000, status: 503, probability: 1 }], points, 1_200_000);
 */
export function cutAtAttempts(spans: readonly ErrorSpan[], points: readonly AttemptPoint[], endMs: number): ErrorSpan[] {
  const out = spans.flatMap((span) => cutSpan(span, points));
  for (const [i, p] of points.entries()) {
    if (p.ok || out.some((span) => covers(span, p.at))) continue;
    const before = points.slice(0, i).findLast((q) => q.ok && q.at < p.at);
    const after = points.slice(i + 1).find((q) => q.ok && q.at > p.at);
    // Failing until the next success, as the log last saw it (or to the end of the run).
    out.push({ from: before ? boundary(before.at, p.at) : Math.floor(p.at), to: after ? boundary(p.at, after.at) : Math.max(endMs, Math.floor(p.at) + 1), status: p.status, probability: 1 });
  }
  return out.sort((a, b) => a.from - b.from);
}
