import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/virtual-clock.js";
import { type ExchangeListener, UpstreamExchange } from "./upstream-exchange.js";

/** A promise settled from outside. */
function deferred<T>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("UpstreamExchange", () => {
  it("settles races run one after another with their own values", async () => {
    const exchange = new UpstreamExchange(new VirtualClock());
    const first = deferred<string>();
    const raced = exchange.race(first.promise);
    first.resolve("headers");
    expect(await raced).toBe("headers");
    const second = deferred<string>();
    const again = exchange.race(second.promise);
    second.reject(new Error("reset"));
    await expect(again).rejects.toThrow("reset");
    expect(await exchange.race(Promise.resolve("body"))).toBe("body");
  });

  it("settles overlapping races each with its own promise, and aborts them all", async () => {
    const exchange = new UpstreamExchange(new VirtualClock());
    const a = deferred<string>();
    const b = deferred<string>();
    const first = exchange.race(a.promise);
    const second = exchange.race(b.promise);
    b.resolve("b");
    expect(await second).toBe("b");
    a.resolve("a");
    expect(await first).toBe("a");

    const c = deferred<string>();
    const d = deferred<string>();
    const third = exchange.race(c.promise);
    const fourth = exchange.race(d.promise);
    exchange.cancel();
    await expect(third).rejects.toMatchObject({ name: "AbortError" });
    await expect(fourth).rejects.toMatchObject({ name: "AbortError" });
    // The losers settling late change nothing and raise no unhandled rejection.
    c.resolve("late");
    d.reject(new Error("late"));
    await expect(exchange.race(Promise.resolve("after"))).rejects.toMatchObject({ name: "AbortError" });
  });

  it("makes its signal only when asked, already aborted with the races' reason if the exchange was", async () => {
    const exchange = new UpstreamExchange(new VirtualClock());
    const pending = exchange.race(new Promise<never>(() => {}));
    exchange.cancel();
    const reason = await pending.catch((error: unknown) => error);
    const signal = exchange.signal;
    expect(signal.aborted).toBe(true);
    expect(signal.reason).toBe(reason);
    expect(exchange.cancelReason).toBe(reason);
    expect(exchange.signal).toBe(signal);
  });

  it("aborts a signal handed out earlier, with the same reason", async () => {
    const clock = new VirtualClock();
    const exchange = new UpstreamExchange(clock);
    const signal = exchange.signal;
    exchange.arm(1_000);
    const reason = await clock.run(() => new Promise((resolve) => signal.addEventListener("abort", () => resolve(signal.reason))));
    expect(reason).toMatchObject({ name: "TimeoutError" });
    expect(exchange.cancelReason).toBe(reason);
    expect(exchange.toError(reason).code).toBe("upstream_timeout");
  });

  it("calls a linked fetch's onCancel once, with the reason, and forgets it", () => {
    const exchange = new UpstreamExchange(new VirtualClock());
    const reasons: unknown[] = [];
    exchange.onCancel = (reason) => reasons.push(reason);
    exchange.cancel();
    exchange.cancel();
    expect(reasons).toEqual([exchange.cancelReason]);
    expect(reasons[0]).toMatchObject({ name: "AbortError" });
    expect(exchange.onCancel).toBeUndefined();
  });

  it("forgets the linked fetch on close: a cancel afterwards reaches nothing", () => {
    const exchange = new UpstreamExchange(new VirtualClock());
    let called = 0;
    exchange.onCancel = () => called++;
    exchange.close();
    exchange.cancel();
    expect(called).toBe(0);
  });

  it("is aborted from the start by a caller's signal that already was", async () => {
    const controller = new AbortController();
    controller.abort();
    const exchange = new UpstreamExchange(new VirtualClock(), controller.signal);
    expect(exchange.cancelReason).toMatchObject({ name: "AbortError" });
    await expect(exchange.race(Promise.resolve(1))).rejects.toBe(exchange.cancelReason);
    expect(exchange.toError(undefined).extra).toEqual({ reason: "cancelled" });
  });

  describe("follow", () => {
    /** A listener that notes what it heard, in order. */
    function noting() {
      const heard: string[] = [];
      const listener: ExchangeListener<string> = {
        settled: (value) => heard.push(`settled ${value}`),
        failed: (error) => heard.push(`failed ${error instanceof Error || error instanceof DOMException ? error.name : String(error)}`),
      };
      return { heard, listener };
    }
    const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

    it("reports values and rejections of promises followed one after another, never synchronously", async () => {
      const exchange = new UpstreamExchange(new VirtualClock());
      const { heard, listener } = noting();
      exchange.follow(Promise.resolve("headers"), listener, true);
      expect(heard).toEqual([]);
      await tick();
      exchange.follow(Promise.reject(new TypeError("reset")), listener, false);
      await tick();
      exchange.follow(Promise.resolve("chunk"), listener, true);
      await tick();
      expect(heard).toEqual(["settled headers", "failed TypeError", "settled chunk"]);
    });

    it("fails a raced promise as soon as the exchange aborts, and ignores its late settlement", async () => {
      const exchange = new UpstreamExchange(new VirtualClock());
      const { heard, listener } = noting();
      const read = deferred<string>();
      exchange.follow(read.promise, listener, true);
      exchange.cancel();
      expect(heard).toEqual([]);
      await tick();
      expect(heard).toEqual(["failed AbortError"]);
      read.resolve("late");
      await tick();
      expect(heard).toEqual(["failed AbortError"]);
    });

    it("lets an unraced promise (a linked fetch) settle by itself after an abort", async () => {
      const exchange = new UpstreamExchange(new VirtualClock());
      const { heard, listener } = noting();
      const sent = deferred<string>();
      exchange.follow(sent.promise, listener, false);
      exchange.cancel();
      await tick();
      expect(heard).toEqual([]);
      sent.reject(new RangeError("cancelled by the link"));
      await tick();
      expect(heard).toEqual(["failed RangeError"]);
    });

    it("fails a raced promise followed after the abort, and keeps a late loser from reaching a later listener", async () => {
      const exchange = new UpstreamExchange(new VirtualClock());
      const first = noting();
      const loser = deferred<string>();
      exchange.follow(loser.promise, first.listener, true);
      exchange.cancel();
      const second = noting();
      const sent = deferred<string>();
      exchange.follow(sent.promise, second.listener, false);
      exchange.follow(Promise.resolve("never read"), first.listener, true);
      loser.resolve("late");
      await tick();
      expect(first.heard).toEqual(["failed AbortError", "failed AbortError"]);
      expect(second.heard).toEqual([]);
      sent.resolve("its own");
      await tick();
      expect(second.heard).toEqual(["settled its own"]);
    });

    it("follows alongside a race under way, each settling with its own value, both aborted", async () => {
      const exchange = new UpstreamExchange(new VirtualClock());
      const { heard, listener } = noting();
      const a = deferred<string>();
      const raced = exchange.race(a.promise);
      const b = deferred<string>();
      exchange.follow(b.promise, listener, true);
      b.resolve("b");
      await tick();
      expect(heard).toEqual(["settled b"]);
      a.resolve("a");
      expect(await raced).toBe("a");
      const c = deferred<string>();
      const racedAgain = exchange.race(c.promise);
      exchange.follow(new Promise<string>(() => {}), listener, true);
      exchange.cancel();
      await expect(racedAgain).rejects.toMatchObject({ name: "AbortError" });
      await tick();
      expect(heard).toEqual(["settled b", "failed AbortError"]);
    });
  });
});
