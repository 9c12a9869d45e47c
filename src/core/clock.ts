// The time source every part of gateway-sim receives: the gateway, the fakes and the runner
// never read Date.now() or call setTimeout themselves, so a run can be simulated or replayed.

/** Cancels a scheduled callback; calling it after the callback ran is a no-op. */
export type Cancel = () => void;

/**
 * An injectable clock.
 *
 * @example
 * const clock: Clock = new RealClock();
 * await clock.sleep(50);
 */
export interface Clock {
  /** Milliseconds since the Unix epoch, simulated or real. */
  now(): number;
  /** Resolves after `ms`; rejects with an `AbortError` when `signal` aborts first. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Runs `callback` after `ms` unless cancelled. */
  schedule(ms: number, callback: () => void): Cancel;
}

/** The DOMException Node's own timers reject with on abort, so callers can test `name === "AbortError"`. */
export function abortError(signal?: AbortSignal): unknown {
  return signal?.reason ?? new DOMException("The operation was aborted", "AbortError");
}

/**
 * Wall-clock time, optionally sped up: at `speed: 10` one real second is ten simulated ones.
 *
 * @example
 * const clock = new RealClock({ speed: 10 });
 */
export class RealClock implements Clock {
  readonly #speed: number;
  readonly #origin = Date.now();

  constructor(options: { speed?: number } = {}) {
    this.#speed = options.speed ?? 1;
    if (!(this.#speed > 0)) throw new RangeError(`clock speed must be > 0, got ${this.#speed}`);
  }

  now(): number {
    return this.#origin + (Date.now() - this.#origin) * this.#speed;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(abortError(signal));
      };
      const timer = setTimeout(
        () => {
          signal?.removeEventListener("abort", onAbort);
          resolve();
        },
        Math.max(0, ms / this.#speed),
      );
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  schedule(ms: number, callback: () => void): Cancel {
    const timer = setTimeout(callback, Math.max(0, ms / this.#speed));
    return () => clearTimeout(timer);
  }
}
