import { describe, expect, it } from "vitest";
import { GatewayError } from "../../core/errors.js";
import { formatSseEvent, type SseEvent } from "../../core/sse.js";
import { hasSseBatches, nextSseBatch } from "../../core/sse-batches.js";
import { DeltaQueue } from "../../providers/delta-queue.js";
import type { StreamDelta } from "../../providers/types.js";
import { NOT_READY, readySseBatch } from "./ready-sse-batch.js";
import { type RelayEnd, RelayedEvents } from "./relay-events.js";
import { ResponseEventWriter } from "./response-stream.js";

const ID = "G-0123456789abcdef01234567";
const SNAPSHOT = { id: ID, object: "response", created_at: 1, model: "m", status: "in_progress", output: [], usage: null };
const BODY = { id: ID, status: "completed", output: [{ type: "message", content: [{ type: "output_text", text: "Hello world", annotations: [] }] }] };

/** A begun stream: the `start` and first text deltas are buffered, as invokeProviderStream leaves them. */
function setup() {
  let cancels = 0;
  const queue = new DeltaQueue<StreamDelta>(() => cancels++);
  queue.push({ type: "start", id: "up", model: "m" });
  queue.push({ type: "text", text: "Hello" });
  let end!: (value: RelayEnd) => void;
  const ended = new Promise<RelayEnd>((resolve) => (end = resolve));
  const events = new RelayedEvents(ID, SNAPSHOT, queue, ended);
  /** The rest of the upstream stream, a turn of the event loop later. */
  const finishUpstream = async () => {
    await new Promise((resolve) => setImmediate(resolve));
    queue.push({ type: "text", text: " " });
    queue.push({ type: "usage", usage: { inputTokens: 1, outputTokens: 2 } });
    queue.push({ type: "text", text: "world" });
    queue.push({ type: "finish", finishReason: "stop" });
    queue.close();
    end({ body: BODY });
  };
  return { queue, events, finishUpstream, cancels: () => cancels, end: (value: RelayEnd) => end(value) };
}

function expected(): SseEvent[] {
  const writer = new ResponseEventWriter(ID);
  return [...writer.start(SNAPSHOT), writer.delta("Hello"), writer.delta(" "), writer.delta("world"), ...writer.finish(BODY)];
}

describe("RelayedEvents", () => {
  it("gives the writer's events item by item", async () => {
    const { events, finishUpstream } = setup();
    const seen: SseEvent[] = [];
    const reading = (async () => {
      for await (const event of events) seen.push(event);
    })();
    await finishUpstream();
    await reading;
    expect(seen).toEqual(expected());
  });

  it("gives the same events in batches, as wire text: the start events with the buffered text, then each upstream chunk's", async () => {
    const { events, finishUpstream } = setup();
    const iterator = events[Symbol.asyncIterator]();
    expect(hasSseBatches(iterator)).toBe(true);
    if (!hasSseBatches(iterator)) return;
    const batches: string[][] = [];
    const reading = (async () => {
      for (let batch = await iterator[nextSseBatch](); batch !== undefined; batch = await iterator[nextSseBatch]()) batches.push([...batch]);
    })();
    await finishUpstream();
    await reading;
    expect(batches.map((batch) => batch.length)).toEqual([5, 2, 4]);
    expect(batches.flat()).toEqual(expected().map(formatSseEvent));
  });

  it("gives the finish events after the buffered ones when the upstream stream had already ended", async () => {
    const queue = new DeltaQueue<StreamDelta>(() => {});
    queue.push({ type: "start", id: "up", model: "m" });
    for (const text of ["Hello", " ", "world"]) queue.push({ type: "text", text });
    queue.push({ type: "usage", usage: { inputTokens: 1, outputTokens: 2 } });
    queue.push({ type: "finish", finishReason: "stop" });
    queue.close();
    const items: SseEvent[] = [];
    for await (const event of new RelayedEvents(ID, SNAPSHOT, queue, Promise.resolve({ body: BODY }))) items.push(event);
    expect(items).toEqual(expected());
  });

  it("waits again and again for chunks without text (one set of handlers for every wait), in both reads", async () => {
    for (const batched of [false, true]) {
      const { queue, events, end } = setup();
      const iterator = events[Symbol.asyncIterator]();
      const seen: string[] = [];
      const reading = (async () => {
        if (batched && hasSseBatches(iterator)) {
          for (let batch = await iterator[nextSseBatch](); batch !== undefined; batch = await iterator[nextSseBatch]()) seen.push(...batch);
        } else for (let step = await iterator.next(); !step.done; step = await iterator.next()) seen.push(formatSseEvent(step.value));
      })();
      for (const delta of [
        { type: "usage", usage: { inputTokens: 1 } },
        { type: "text", text: " " },
        { type: "usage", usage: { outputTokens: 2 } },
        { type: "text", text: "world" },
      ] as StreamDelta[]) {
        await new Promise((resolve) => setImmediate(resolve));
        queue.push(delta);
      }
      await new Promise((resolve) => setImmediate(resolve));
      queue.close();
      end({ body: BODY });
      await reading;
      expect(seen).toEqual(expected().map(formatSseEvent));
    }
  });

  it("gives the finish events without waiting for `ended` once told how the stream ended, the first telling counting", async () => {
    const queue = new DeltaQueue<StreamDelta>(() => {});
    queue.push({ type: "text", text: "Hello" });
    const never = new Promise<RelayEnd>(() => {});
    const events = new RelayedEvents(ID, SNAPSHOT, queue, never);
    const seen: SseEvent[] = [];
    const reading = (async () => {
      for await (const event of events) seen.push(event);
    })();
    await new Promise((resolve) => setImmediate(resolve));
    for (const text of [" ", "world"]) queue.push({ type: "text", text });
    queue.close();
    events.settled({ body: BODY });
    events.settled({ error: new GatewayError("upstream_invalid_response", "not this one") });
    await reading;
    expect(seen).toEqual(expected());
  });

  it("hands ready batches without a promise, NOT_READY where a read would wait, and the promised read then gives the batch", async () => {
    const { events, finishUpstream } = setup();
    const texts: string[] = [];
    const first = events[readySseBatch]();
    if (first === NOT_READY || first === undefined) throw new Error("the start events are ready");
    texts.push(...first);
    expect(first).toHaveLength(5);
    expect(events[readySseBatch]()).toBe(NOT_READY);
    expect(events[readySseBatch]()).toBe(NOT_READY);
    const waiting = events[nextSseBatch]();
    expect(events[readySseBatch]()).toBe(NOT_READY);
    await finishUpstream();
    texts.push(...((await waiting) ?? []));
    // The end is not told (no `settled`): the finish events wait for `ended`.
    expect(events[readySseBatch]()).toBe(NOT_READY);
    texts.push(...((await events[nextSseBatch]()) ?? []));
    expect(events[readySseBatch]()).toBeUndefined();
    expect(texts).toEqual(expected().map(formatSseEvent));
  });

  it("gives a whole ended stream in ready reads once told its end", () => {
    const queue = new DeltaQueue<StreamDelta>(() => {});
    for (const text of ["Hello", " ", "world"]) queue.push({ type: "text", text });
    queue.close();
    const events = new RelayedEvents(ID, SNAPSHOT, queue, new Promise<RelayEnd>(() => {}));
    events.settled({ body: BODY });
    const texts: string[] = [];
    for (let batch = events[readySseBatch](); batch !== undefined; batch = events[readySseBatch]()) {
      if (batch === NOT_READY) throw new Error("every batch is ready");
      texts.push(...batch);
    }
    expect(texts).toEqual(expected().map(formatSseEvent));
  });

  it("gives the failure of a ready read (start events that cannot be written) to the next read, then is done", async () => {
    const unwritable = new RelayedEvents(ID, { ...SNAPSHOT, created_at: 1n }, new DeltaQueue<StreamDelta>(() => {}), Promise.resolve({ body: BODY }));
    expect(unwritable[readySseBatch]()).toBe(NOT_READY);
    expect(unwritable[readySseBatch]()).toBe(NOT_READY);
    await expect(unwritable[nextSseBatch]()).rejects.toThrow(TypeError);
    expect(unwritable[readySseBatch]()).toBeUndefined();
    expect(await unwritable.next()).toEqual({ done: true, value: undefined });
  });

  it("mixes the two reads without losing or repeating an event", async () => {
    const { events, finishUpstream } = setup();
    const first = await events.next();
    const rest = await events[nextSseBatch]();
    expect(first.value).toEqual(expected()[0]);
    expect(rest).toEqual(expected().slice(1, 5).map(formatSseEvent));
    void finishUpstream();
    const seen: SseEvent[] = [];
    for await (const event of events) seen.push(event);
    expect(seen).toEqual(expected().slice(5));
  });

  it("ends a failed stream with error and response.failed", async () => {
    const { queue, events, end } = setup();
    queue.push({ type: "error", error: new GatewayError("upstream_invalid_response", "cut") });
    queue.close();
    end({ error: new GatewayError("upstream_invalid_response", "cut") });
    const names: (string | undefined)[] = [];
    for await (const event of events) names.push(event.event);
    expect(names.slice(-2)).toEqual(["error", "response.failed"]);
  });

  it("on return(), waits for the pending step, then cancels the upstream call once", async () => {
    const { events, cancels, queue } = setup();
    await events[nextSseBatch]();
    // Nothing buffered: this step waits for the upstream.
    const pending = events.next();
    const returned = events.return();
    await Promise.resolve();
    expect(cancels()).toBe(0);
    queue.push({ type: "text", text: "late" });
    expect((await pending).value).toEqual({ event: "response.output_text.delta", data: expect.stringContaining('"delta":"late"') });
    await returned;
    expect(cancels()).toBe(1);
    expect(await events.next()).toEqual({ done: true, value: undefined });
    await events.return();
    expect(cancels()).toBe(1);
  });

  it("does not cancel a stream whose deltas already ended, nor one never read", async () => {
    const { events, finishUpstream, cancels } = setup();
    await events[nextSseBatch]();
    await finishUpstream();
    await events[nextSseBatch]();
    await events.return();
    expect(cancels()).toBe(0);
    const unread = setup();
    await unread.events.return();
    expect(unread.cancels()).toBe(0);
  });

  it("cancels on a break as the generator did: not among the start events, once a text event was read", async () => {
    const early = setup();
    for await (const _event of early.events) break;
    expect(early.cancels()).toBe(0);
    const late = setup();
    let read = 0;
    for await (const _event of late.events) if (++read === 5) break;
    expect(late.cancels()).toBe(1);
  });

  it("rejects once when the end of the stream cannot be settled, then is done", async () => {
    const queue = new DeltaQueue<StreamDelta>(() => {});
    queue.push({ type: "text", text: "Hello" });
    queue.close();
    let fail!: (error: Error) => void;
    const broken = new RelayedEvents(ID, SNAPSHOT, queue, new Promise<RelayEnd>((_resolve, reject) => (fail = reject)));
    expect((await broken.next()).value).toEqual(expected()[0]);
    await expect(broken[nextSseBatch]()).resolves.toHaveLength(4);
    const step = broken.next();
    fail(new Error("settle failed"));
    await expect(step).rejects.toThrow("settle failed");
    expect(await broken.next()).toEqual({ done: true, value: undefined });
  });
  it("rejects when the start events cannot be written (not a throw at the reader), then is done", async () => {
    const queue = new DeltaQueue<StreamDelta>(() => {});
    const unwritable = new RelayedEvents(ID, { ...SNAPSHOT, created_at: 1n }, queue, Promise.resolve({ body: BODY }));
    let step: Promise<unknown> | undefined;
    expect(() => {
      step = unwritable.next();
    }).not.toThrow();
    await expect(step).rejects.toThrow(TypeError);
    expect(await unwritable.next()).toEqual({ done: true, value: undefined });
  });
});
