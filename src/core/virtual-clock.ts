// A discrete-event clock: simulated time jumps to the next timer only once every task in flight
// is waiting on the clock, so an hour of traffic runs in seconds and two runs interleave identically.
import { abortError, type Cancel, type Clock } from "./clock.js";

interface Timer {
  at: number;
  seq: number;
  fire: () => void;
  cancelled: boolean;
}

/** Thrown by {@link VirtualClock.run} when tasks are pending but nothing is scheduled on the clock. */
export class ClockDeadlockError extends Error {
  override name = "ClockDeadlockError";
}

/** Cancelled timers the heap may hold before it is compacted (when they are also the majority). */
const COMPACT_AT = 1024;

const noop = (): void => {};

const macrotask = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * Simulated time driven by {@link VirtualClock.run}.
 *
 * Timers due at the same instant fire in the order they were scheduled. Between two jumps the
 * clock lets the event loop go idle (no clock activity for `idleTurns` macrotask turns), so work
 * that is not on the clock (microtasks, in-process msw interception) always completes first.
 *
 * @example
 * const clock = new VirtualClock({ start: Date.UTC(2026, 0, 1) });
 * const result = await clock.run(async () => { await clock.sleep(60_000); return clock.now(); });
 */
export class VirtualClock implements Clock {
  #now: number;
  #seq = 0;
  #activity = 0;
  /** Cancelled timers still in the heap (some may have been popped since; it only triggers a compaction). */
  #cancelled = 0;
  readonly #heap: Timer[] = [];
  readonly #idleTurns: number;
  readonly #maxIdleWaitTurns: number;

  constructor(options: { start?: number; idleTurns?: number; maxIdleWaitTurns?: number } = {}) {
    this.#now = options.start ?? Date.UTC(2026, 0, 1);
    this.#idleTurns = options.idleTurns ?? 2;
    this.#maxIdleWaitTurns = options.maxIdleWaitTurns ?? 10_000;
  }

  now(): number {
    return this.#now;
  }

  /** Number of timers waiting to fire. */
  get pending(): number {
    return this.#heap.filter((t) => !t.cancelled).length;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve, reject) => {
      if (signal?.aborted) return reject(abortError(signal));
      const onAbort = (): void => {
        cancel();
        reject(abortError(signal));
      };
      const cancel = this.schedule(ms, () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      });
      signal?.addEventListener("abort", onAbort, { once: true });
    });
  }

  schedule(ms: number, callback: () => void): Cancel {
    const timer: Timer = { at: this.#now + Math.max(0, ms), seq: this.#seq++, fire: callback, cancelled: false };
    this.#push(timer);
    this.#activity++;
    return () => {
      if (!timer.cancelled) {
        timer.cancelled = true;
        // A cancelled timer stays in the heap until it is due (an upstream call's 10-minute hang bound:
        // every call of a long run): it must not keep its callback, and what that holds, alive.
        timer.fire = noop;
        this.#activity++;
        if (++this.#cancelled > COMPACT_AT && this.#cancelled * 2 > this.#heap.length) this.#compact();
      }
    };
  }

  /** Drops the cancelled timers: a heap of the live ones, which fire in the same (at, seq) order. */
  #compact(): void {
    const live = this.#heap.filter((t) => !t.cancelled).sort((a, b) => (before(a, b) ? -1 : 1));
    // A sorted array is a valid binary min-heap.
    this.#heap.length = live.length;
    for (let i = 0; i < live.length; i++) this.#heap[i] = live[i] as Timer;
    this.#cancelled = 0;
  }

  /**
   * Runs `task` to completion, advancing simulated time whenever everything in flight waits on
   * the clock. Rejects with {@link ClockDeadlockError} if the task can never finish.
   */
  async run<T>(task: () => Promise<T>): Promise<T> {
    let settled = false;
    let value: T | undefined;
    let failure: { error: unknown } | undefined;
    task().then(
      (v) => {
        settled = true;
        value = v;
      },
      (error: unknown) => {
        settled = true;
        failure = { error };
      },
    );
    for (;;) {
      await this.#waitIdle(() => settled);
      if (settled) break;
      if (!this.#fireNext()) {
        throw new ClockDeadlockError(`simulation stalled at ${new Date(this.#now).toISOString()}: tasks are pending but no timer is scheduled`);
      }
    }
    if (failure) throw failure.error;
    return value as T;
  }

  /** Advances simulated time by `ms`, firing every timer due on the way (for tests). */
  async advance(ms: number): Promise<void> {
    const target = this.#now + ms;
    for (;;) {
      await this.#waitIdle(() => false);
      const next = this.#peek();
      if (!next || next.at > target) break;
      this.#fireNext();
    }
    this.#now = target;
  }

  async #waitIdle(done: () => boolean): Promise<void> {
    let quiet = 0;
    let turns = 0;
    while (quiet < this.#idleTurns) {
      const before = this.#activity;
      await macrotask();
      if (done()) return;
      quiet = this.#activity === before ? quiet + 1 : 0;
      // Nothing scheduled yet: something off the clock (real I/O) may still be under way.
      if (quiet >= this.#idleTurns && !this.#peek() && ++turns < this.#maxIdleWaitTurns) quiet = 0;
    }
  }

  #fireNext(): boolean {
    const first = this.#peek();
    if (!first) return false;
    this.#now = Math.max(this.#now, first.at);
    // Fire every timer due at this instant, in scheduling order.
    while (this.#peek()?.at === first.at) {
      const timer = this.#pop();
      if (timer && !timer.cancelled) {
        timer.cancelled = true;
        this.#activity++;
        timer.fire();
      }
    }
    return true;
  }

  #peek(): Timer | undefined {
    while (this.#heap.length > 0 && this.#heap[0]!.cancelled) this.#pop();
    return this.#heap[0];
  }

  #push(timer: Timer): void {
    const heap = this.#heap;
    heap.push(timer);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #pop(): Timer | undefined {
    const heap = this.#heap;
    const top = heap[0];
    const last = heap.pop();
    if (heap.length > 0 && last) {
      heap[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < heap.length && before(heap[l]!, heap[m]!)) m = l;
        if (r < heap.length && before(heap[r]!, heap[m]!)) m = r;
        if (m === i) break;
        [heap[i], heap[m]] = [heap[m]!, heap[i]!];
        i = m;
      }
    }
    return top;
  }
}

function before(a: Timer, b: Timer): boolean {
  return a.at < b.at || (a.at === b.at && a.seq < b.seq);
}
