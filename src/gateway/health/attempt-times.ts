// The times of recent attempts of one provider × model, for the breaker's minimum-volume check:
// an exact count of attempts inside a window, which is what "volume ≥ 8 over 60 s" reads as.

/** Attempt timestamps kept for at most `horizonMs`. */
export interface AttemptTimes {
  add(at: number): void;
  /** Attempts with `now − windowMs < at ≤ now`. */
  countWithin(now: number, windowMs: number): number;
  clear(): void;
}

/**
 * Creates an empty list that forgets attempts older than `horizonMs` (the longest window read).
 *
 * @example
 * const times = createAttemptTimes(300_000);
 * times.add(1000); times.add(2000);
 * times.countWithin(61_500, 60_000); // 1
 */
export function createAttemptTimes(horizonMs: number): AttemptTimes {
  let times: number[] = [];
  let head = 0;
  return {
    add(at) {
      times.push(at);
      while (head < times.length && (times[head] ?? at) <= at - horizonMs) head += 1;
      // Compact now and then so a long run does not keep every timestamp it ever saw.
      if (head > 1024 && head * 2 > times.length) {
        times = times.slice(head);
        head = 0;
      }
    },
    countWithin(now, windowMs) {
      // Attempts are added in clock order, so the window is one contiguous run: two binary searches
      // instead of a scan, which under load (thousands of attempts per window) dominated routing.
      return firstAfter(times, head, now) - firstAfter(times, head, now - windowMs);
    },
    clear() {
      times = [];
      head = 0;
    },
  };
}

/** The first index in `times[from…]` whose value is greater than `bound` (times are non-decreasing). */
function firstAfter(times: readonly number[], from: number, bound: number): number {
  let lo = from;
  let hi = times.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((times[mid] as number) <= bound) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
