// A provider's concurrency: at most `maxConcurrent` requests served at once, a bounded FIFO queue
// for the rest, an optional queue timeout, all on the injected clock.
import type { Clock } from "../../core/clock.js";
import { abortError } from "../../core/clock.js";

export interface CapacityLimits {
  maxConcurrent: number | undefined;
  queue: number;
  queueTimeout: number | undefined;
}

export type Admission = { ok: true; waitedMs: number; inFlight: number; release: () => void } | { ok: false; waitedMs: number };

export interface Capacity {
  readonly inFlight: number;
  /** Waits for a slot; `ok: false` when the queue is full or the wait timed out. Rejects when `signal` aborts. */
  acquire(signal: AbortSignal | undefined): Promise<Admission>;
  setLimits(limits: CapacityLimits): void;
}

interface Waiter {
  grant: () => void;
}

/**
 * A capacity gate.
 *
 * @example
 * const admission = await capacity.acquire(request.signal);
 * if (admission.ok) try { … } finally { admission.release(); }
 */
export function createCapacity(initial: CapacityLimits, clock: Clock): Capacity {
  let limits = initial;
  let inFlight = 0;
  const queue: Waiter[] = [];
  const hasRoom = () => limits.maxConcurrent === undefined || inFlight < limits.maxConcurrent;
  const admitted = (start: number): Admission => {
    const othersInFlight = inFlight;
    inFlight++;
    let released = false;
    const release = () => {
      if (released) return;
      released = true;
      inFlight--;
      while (queue.length > 0 && hasRoom()) queue.shift()?.grant();
    };
    return { ok: true, waitedMs: clock.now() - start, inFlight: othersInFlight, release };
  };
  return {
    get inFlight() {
      return inFlight;
    },
    setLimits(next) {
      limits = next;
      while (queue.length > 0 && hasRoom()) queue.shift()?.grant();
    },
    acquire(signal) {
      const start = clock.now();
      if (queue.length === 0 && hasRoom()) return Promise.resolve(admitted(start));
      if (queue.length >= limits.queue) return Promise.resolve({ ok: false, waitedMs: 0 });
      return new Promise<Admission>((resolve, reject) => {
        const leave = () => {
          const at = queue.indexOf(waiter);
          if (at >= 0) queue.splice(at, 1);
          cancelTimeout?.();
          signal?.removeEventListener("abort", onAbort);
        };
        const waiter: Waiter = {
          grant: () => {
            leave();
            resolve(admitted(start));
          },
        };
        const onAbort = () => {
          leave();
          reject(abortError(signal));
        };
        const cancelTimeout =
          limits.queueTimeout === undefined
            ? undefined
            : clock.schedule(limits.queueTimeout, () => {
                leave();
                resolve({ ok: false, waitedMs: clock.now() - start });
              });
        signal?.addEventListener("abort", onAbort, { once: true });
        queue.push(waiter);
      });
    },
  };
}
