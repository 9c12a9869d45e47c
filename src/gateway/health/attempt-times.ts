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
      let count = 0;
      for (let i = times.length - 1; i >= head; i--) {
        const at = times[i] ?? Number.NEGATIVE_INFINITY;
        if (at <= now - windowMs) break;
        if (at <= now) count += 1;
      }
      return count;
    },
    clear() {
      times = [];
      head = 0;
    },
  };
}
