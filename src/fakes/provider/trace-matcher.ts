// Hands each call the logged attempt it reproduces: the nearest one not yet answered, within the
// trace's tolerance of the call's time. Keyed by time, not by call order, so a call the log never
// saw takes nothing and every later call still finds its own attempt.
import type { AttemptTrace, TracedAttempt } from "../profile/attempt-trace-schema.js";

export interface TraceMatcher {
  /** The attempt for a call at `elapsed` ms (marked answered), or undefined when none is near. */
  take(elapsed: number): TracedAttempt | undefined;
  /** Logged attempts no call has taken yet. */
  readonly left: number;
}

/** Index of the first attempt at or after `t` (attempts are sorted by start). */
function lowerBound(attempts: readonly TracedAttempt[], t: number): number {
  let lo = 0;
  let hi = attempts.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((attempts[mid] as TracedAttempt).at < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * @example
 * const matcher = createTraceMatcher(profile.attempt_trace);
 * matcher.take(12_345); // the attempt logged at 12.345s, once
 */
export function createTraceMatcher(trace: AttemptTrace): TraceMatcher {
  const { attempts, tolerance } = trace;
  const taken = new Uint8Array(attempts.length);
  let left = attempts.length;
  return {
    take(elapsed) {
      let best = -1;
      let bestDistance = Number.POSITIVE_INFINITY;
      for (let i = lowerBound(attempts, elapsed - tolerance); i < attempts.length; i++) {
        const attempt = attempts[i] as TracedAttempt;
        if (attempt.at > elapsed + tolerance) break;
        const distance = Math.abs(attempt.at - elapsed);
        // Strictly nearer only: of attempts logged at the same time, the first in the log goes first.
        if (taken[i] === 0 && distance < bestDistance) {
          best = i;
          bestDistance = distance;
        }
      }
      if (best < 0) return undefined;
      taken[best] = 1;
      left--;
      return attempts[best];
    },
    get left() {
      return left;
    },
  };
}
