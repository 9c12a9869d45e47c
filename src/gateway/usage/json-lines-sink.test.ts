import { createWriteStream } from "node:fs";
import { Writable } from "node:stream";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { UsageRecord } from "../types.js";
import { toJsonLine } from "./json-lines.js";
import { type JsonLinesSinkStats, jsonLinesSink } from "./json-lines-sink.js";
import { usageRecord } from "./usage-record-fixture.js";

/** A writable whose writes complete only when the test says so, like a disk or a reader that lags. */
class SlowWritable extends Writable {
  readonly lines: string[] = [];
  readonly #waiting: ((error?: Error | null) => void)[] = [];
  #failWith: Error | undefined;

  override _write(chunk: Buffer, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    if (this.#failWith) return callback(this.#failWith);
    this.#waiting.push((error) => {
      if (!error) this.lines.push(chunk.toString("utf8"));
      callback(error);
    });
  }

  /** Completes every write, including those the stream hands down as earlier ones complete. */
  async release(): Promise<void> {
    for (let write = this.#waiting.shift(); write; write = this.#waiting.shift()) {
      write();
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Fails the write in progress (and every later one) with `error`. */
  fail(error: Error): void {
    this.#failWith = error;
    this.#waiting.shift()?.(error);
  }
}

const ids = (n: number, from = 1): string[] => Array.from({ length: n }, (_, i) => `G-${String(from + i).padStart(4, "0")}`);
const record = (id: string): UsageRecord => usageRecord({ id, time_ms: 1_000 + Number(id.slice(2)) });
const lineBytes = Buffer.byteLength(toJsonLine(record("G-0001")));
const writtenIds = (stream: SlowWritable): string[] => stream.lines.map((line) => (JSON.parse(line) as { id: string }).id);
const accountedFor = (s: JsonLinesSinkStats): number => s.written + s.pending + s.dropped + s.failed + s.cutOff;

afterEach(() => {
  vi.restoreAllMocks();
});

describe("jsonLinesSink", () => {
  it("loses nothing below the bound and writes in order", async () => {
    const stream = new SlowWritable();
    const sink = jsonLinesSink(stream, { maxBufferedBytes: 10 * lineBytes, onDropStart: () => expect.fail("dropped below the bound") });
    for (const id of ids(10)) sink(record(id));
    expect(sink.stats()).toMatchObject({ received: 10, pending: 10, pendingBytes: 10 * lineBytes, dropped: 0 });
    await stream.release();
    expect(writtenIds(stream)).toEqual(ids(10));
    expect(sink.stats()).toMatchObject({ written: 10, pending: 0, pendingBytes: 0, dropped: 0, failed: 0 });
  });

  it("holds the byte bound while the stream lags, and counts every dropped record exactly", () => {
    const stream = new SlowWritable();
    const started: string[] = [];
    const sink = jsonLinesSink(stream, { maxBufferedBytes: 3 * lineBytes + Math.floor(lineBytes / 2), onDropStart: (r) => started.push(r.id) });
    for (const id of ids(10)) {
      sink(record(id));
      expect(sink.stats().pendingBytes).toBeLessThanOrEqual(3 * lineBytes + Math.floor(lineBytes / 2));
    }
    const stats = sink.stats();
    expect(stats).toMatchObject({ received: 10, pending: 3, dropped: 7, dropSpells: 1, failed: 0 });
    expect(stats.firstDropped).toEqual({ id: "G-0004", time_ms: 1_004 });
    expect(stats.lastDropped).toEqual({ id: "G-0010", time_ms: 1_010 });
    expect(started).toEqual(["G-0004"]);
  });

  it("writes again once the stream catches up, in order, and counts a second spell without a second warning", async () => {
    const stream = new SlowWritable();
    const started: string[] = [];
    const sink = jsonLinesSink(stream, { maxBufferedBytes: 2 * lineBytes, onDropStart: (r) => started.push(r.id) });
    for (const id of ids(5)) sink(record(id)); // 1-2 pending, 3-5 dropped
    await stream.release();
    for (const id of ids(3, 6)) sink(record(id)); // 6-7 pending, 8 dropped
    await stream.release();
    sink(record("G-0009"));
    await stream.release();
    expect(writtenIds(stream)).toEqual(["G-0001", "G-0002", "G-0006", "G-0007", "G-0009"]);
    const stats = sink.stats();
    expect(stats).toMatchObject({ received: 9, written: 5, pending: 0, dropped: 4, dropSpells: 2, failed: 0 });
    expect([stats.firstDropped?.id, stats.lastDropped?.id]).toEqual(["G-0003", "G-0008"]);
    expect(started).toEqual(["G-0003"]);
    expect(accountedFor(stats)).toBe(stats.received);
  });

  it("still writes a record larger than the bound when nothing is pending", async () => {
    const stream = new SlowWritable();
    const sink = jsonLinesSink(stream, { maxBufferedBytes: 10, onDropStart: () => undefined });
    sink(record("G-0001"));
    sink(record("G-0002"));
    expect(sink.stats()).toMatchObject({ pending: 1, pendingBytes: lineBytes, dropped: 1 });
    await stream.release();
    sink(record("G-0003"));
    await stream.release();
    expect(writtenIds(stream)).toEqual(["G-0001", "G-0003"]);
  });

  it("reports a stream error once, never throws into the caller, and counts what it lost", async () => {
    const stream = new SlowWritable();
    const errors: string[] = [];
    const sink = jsonLinesSink(stream, { onError: (e) => errors.push(e.message) });
    for (const id of ids(3)) sink(record(id));
    await stream.release();
    for (const id of ids(3, 4)) sink(record(id));
    stream.fail(Object.assign(new Error("ENOSPC: no space left on device, write"), { code: "ENOSPC" }));
    await new Promise((resolve) => setImmediate(resolve));
    expect(() => sink(record("G-0007"))).not.toThrow();
    const stats = await sink.close();
    expect(errors).toEqual(["ENOSPC: no space left on device, write"]);
    expect(stats).toMatchObject({ received: 7, written: 3, pending: 0, dropped: 0, failed: 4 });
    expect(stats.error?.message).toBe("ENOSPC: no space left on device, write");
    expect(writtenIds(stream)).toEqual(ids(3));
  });

  it("close() flushes what is pending, settles once for every caller, and counts a record given after it as failed", async () => {
    const stream = new SlowWritable();
    const sink = jsonLinesSink(stream);
    for (const id of ids(2)) sink(record(id));
    const [first, second] = [sink.close(), sink.close()];
    sink(record("G-0003"));
    await stream.release();
    expect(await first).toMatchObject({ received: 3, written: 2, pending: 0, failed: 1 });
    expect((await second).written).toBe(2);
    expect(writtenIds(stream)).toEqual(ids(2));
  });

  it("survives a full disk (/dev/full) and settles close()", async () => {
    const errors: string[] = [];
    const sink = jsonLinesSink(createWriteStream("/dev/full"), { onError: (e) => errors.push((e as NodeJS.ErrnoException).code ?? e.message) });
    for (const id of ids(3)) sink(record(id));
    const stats = await sink.close();
    expect(errors).toEqual(["ENOSPC"]);
    expect(stats).toMatchObject({ received: 3, written: 0, pending: 0, failed: 3 });
  });

  it("destroy() stops at once: close() settles, what was pending is cut off, late callbacks change nothing", async () => {
    const stream = new SlowWritable();
    const sink = jsonLinesSink(stream);
    for (const id of ids(4)) sink(record(id));
    const closing = sink.close();
    expect(sink.destroy()).toMatchObject({ received: 4, written: 0, pending: 0, pendingBytes: 0, cutOff: 4 });
    expect((await closing).cutOff).toBe(4);
    await stream.release();
    sink(record("G-0005"));
    expect(sink.stats()).toMatchObject({ received: 5, written: 0, pending: 0, failed: 1, cutOff: 4 });
  });

  it("warns through the process when the caller gave no handlers", async () => {
    const warn = vi.spyOn(process, "emitWarning").mockImplementation(() => undefined);
    const stream = new SlowWritable();
    const sink = jsonLinesSink(stream, { maxBufferedBytes: lineBytes });
    for (const id of ids(3)) sink(record(id));
    stream.fail(new Error("EPIPE: broken pipe, write"));
    await new Promise((resolve) => setImmediate(resolve));
    expect(warn.mock.calls.map((call) => String(call[0]))).toEqual([
      `usage export lagging by ${lineBytes} bytes: records dropped from G-0002 on (see the sink's stats)`,
      "usage export failed: EPIPE: broken pipe, write; later records are not written",
    ]);
  });

  it("refuses a bound that is not a whole number of bytes >= 1", () => {
    expect(() => jsonLinesSink(new SlowWritable(), { maxBufferedBytes: 0 })).toThrow(RangeError);
    expect(() => jsonLinesSink(new SlowWritable(), { maxBufferedBytes: 1.5 })).toThrow(RangeError);
  });
});
