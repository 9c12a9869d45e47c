// A Clock that can be stopped: every pending scheduled callback is cancelled and every sleep rejects
// with an AbortError, so a served run leaves no timer behind when Ctrl-C closes it.
import { abortError, type Cancel, type Clock } from "../core/clock.js";

export interface StoppableClock extends Clock {
  /** Cancels pending callbacks and aborts pending sleeps; later calls are no-ops that never fire. */
  stop(): void;
  readonly stopped: boolean;
}

/**
 * @example
 * const clock = stoppableClock(new RealClock({ speed: 10 }));
 * clock.schedule(60_000, announce);
 * clock.stop(); // nothing fires, no timer keeps the process alive
 */
export function stoppableClock(inner: Clock): StoppableClock {
  const stop = new AbortController();
  const cancels = new Set<Cancel>();
  return {
    now: () => inner.now(),
    sleep(ms, signal) {
      if (stop.signal.aborted) return Promise.reject(abortError(stop.signal));
      return inner.sleep(ms, signal ? AbortSignal.any([signal, stop.signal]) : stop.signal);
    },
    schedule(ms, callback) {
      if (stop.signal.aborted) return () => undefined;
      const cancel: Cancel = inner.schedule(ms, () => {
        cancels.delete(cancel);
        callback();
      });
      cancels.add(cancel);
      return () => {
        cancels.delete(cancel);
        cancel();
      };
    },
    stop() {
      if (stop.signal.aborted) return;
      stop.abort(new DOMException("The served run stopped", "AbortError"));
      for (const cancel of cancels) cancel();
      cancels.clear();
    },
    get stopped() {
      return stop.signal.aborted;
    },
  };
}
