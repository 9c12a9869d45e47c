// A Clock that can be stopped: every pending scheduled callback is cancelled and every sleep rejects
// with an AbortError, so a served run leaves no timer behind when Ctrl-C closes it.
import { abortError, type Cancel, type Clock } from "../core/clock.js";

export interface StoppableClock extends Clock {
  /** Cancels pending callbacks and aborts pending sleeps; later calls are no-ops that never fire. */
  stop(): void;
  readonly stopped: boolean;
  /** Callbacks and sleeps waiting now: what stop() would cancel. Settled ones are forgotten. */
  readonly pending: number;
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
      if (signal === undefined) return stoppableSleep(inner, ms, cancels, stop.signal);
      if (signal.aborted) return Promise.reject(abortError(signal));
      return stoppableSleep(inner, ms, cancels, stop.signal, signal);
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
    get pending() {
      return cancels.size;
    },
  };
}

/**
 * One sleep that stop() (through `cancels`) or the caller's `signal` aborts, with the reason of
 * whichever came first. Not AbortSignal.any([signal, stop]): Node 20 keeps a WeakRef to every
 * composite in its long-lived source's set for the life of the process (about 60 bytes per sleep,
 * an unbounded climb over a long serve); here nothing outlives the sleep.
 */
function stoppableSleep(inner: Clock, ms: number, cancels: Set<Cancel>, stopped: AbortSignal, signal?: AbortSignal): Promise<void> {
  const own = new AbortController();
  const onStop: Cancel = () => own.abort(stopped.reason);
  const onAbort = (): void => own.abort(signal?.reason);
  cancels.add(onStop);
  signal?.addEventListener("abort", onAbort, { once: true });
  const settle = (): void => {
    cancels.delete(onStop);
    signal?.removeEventListener("abort", onAbort);
  };
  const sleeping = inner.sleep(ms, own.signal);
  sleeping.then(settle, settle);
  return sleeping;
}
