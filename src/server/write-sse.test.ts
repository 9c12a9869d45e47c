import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { GatewayError } from "../core/errors.js";
import { formatSseEvent, type SseEvent } from "../core/sse.js";
import { nextSseBatch, type SseBatchIterator } from "../core/sse-batches.js";
import { RelayedEvents } from "../gateway/pipeline/relay-events.js";
import { ResponseEventWriter } from "../gateway/pipeline/response-stream.js";
import { DeltaQueue } from "../providers/delta-queue.js";
import type { StreamDelta } from "../providers/types.js";
import { writeSse } from "./write-sse.js";

interface Served {
  url: string;
  /** What writeSse handed to res.write and res.end, in order. */
  calls: string[];
  done: Promise<void>;
}

let server: http.Server | undefined;
afterEach(() => {
  server?.closeAllConnections();
  server?.close();
  server = undefined;
});

async function serve(source: () => AsyncIterable<SseEvent>): Promise<Served> {
  const calls: string[] = [];
  let finished!: () => void;
  const done = new Promise<void>((resolve) => (finished = resolve));
  server = http.createServer((_req, res) => {
    const write = res.write.bind(res) as (chunk: string) => boolean;
    const end = res.end.bind(res) as (chunk?: string) => http.ServerResponse;
    res.write = ((chunk: string) => (calls.push(`write:${chunk}`), write(chunk))) as typeof res.write;
    res.end = ((chunk?: string) => (calls.push(`end:${chunk ?? ""}`), end(chunk))) as typeof res.end;
    void writeSse(res, 200, { "x-generation-id": "G-1" }, source()).then(finished);
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, done };
}

const event = (n: number): SseEvent => ({ event: "e", data: `{"n":${n}}` });

describe("writeSse", () => {
  it("sends the answer's headers, then the event-stream ones, in that order", async () => {
    const served = await serve(async function* () {
      yield event(1);
    });
    const raw = await new Promise<string[]>((resolve, reject) => {
      http
        .get(served.url, (res) => {
          res.resume();
          res.on("end", () => resolve(res.rawHeaders.filter((_, i) => i % 2 === 0).map((name) => name.toLowerCase())));
        })
        .on("error", reject);
    });
    expect(raw.slice(0, 5)).toEqual(["x-generation-id", "content-type", "cache-control", "connection", "x-accel-buffering"]);
    await served.done;
  });

  it("sends events that are ready together in one write, with the headers", async () => {
    const served = await serve(async function* () {
      yield event(1);
      yield event(2);
      yield event(3);
    });
    const res = await fetch(served.url);
    expect(res.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(res.headers.get("x-generation-id")).toBe("G-1");
    expect(await res.text()).toBe('event: e\ndata: {"n":1}\n\nevent: e\ndata: {"n":2}\n\nevent: e\ndata: {"n":3}\n\n');
    await served.done;
    expect(served.calls).toEqual(['end:event: e\ndata: {"n":1}\n\nevent: e\ndata: {"n":2}\n\nevent: e\ndata: {"n":3}\n\n']);
  });

  it("sends the headers, and each event, without waiting for a slow source", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const served = await serve(async function* () {
      yield event(1);
      await gate;
      yield event(2);
    });
    const res = await fetch(served.url);
    expect(res.status).toBe(200);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('event: e\ndata: {"n":1}\n\n');
    release();
    let rest = "";
    for (let step = await reader.read(); !step.done; step = await reader.read()) rest += new TextDecoder().decode(step.value);
    expect(rest).toBe('event: e\ndata: {"n":2}\n\n');
    await served.done;
    expect(served.calls).toEqual(['write:event: e\ndata: {"n":1}\n\n', 'end:event: e\ndata: {"n":2}\n\n']);
  });

  it("ends a failing source with an error event carrying the flat error body", async () => {
    const served = await serve(async function* () {
      yield event(1);
      throw new GatewayError("upstream_error", "the provider stopped");
    });
    const text = await (await fetch(served.url)).text();
    expect(text).toContain('event: e\ndata: {"n":1}\n\nevent: error\ndata: {');
    expect(text).toContain('"the provider stopped"');
  });

  it("stops reading the source when the client leaves", async () => {
    let stopped = false;
    const served = await serve(async function* () {
      try {
        for (let n = 0; ; n++) {
          yield event(n);
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      } finally {
        stopped = true;
      }
    });
    const controller = new AbortController();
    const res = await fetch(served.url, { signal: controller.signal });
    await (res.body as ReadableStream<Uint8Array>).getReader().read();
    controller.abort();
    await served.done;
    await expect.poll(() => stopped).toBe(true);
  });

  it("waits for the client to read when the socket is full", async () => {
    const big = "x".repeat(64 * 1024);
    let produced = 0;
    const served = await serve(async function* () {
      for (; produced < 200; produced++) yield { data: big };
    });
    const res = await fetch(served.url);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    // Unread by the client, 12.8 MB cannot all have been taken from the source.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(produced).toBeLessThan(200);
    let bytes = 0;
    for (let step = await reader.read(); !step.done; step = await reader.read()) bytes += step.value.length;
    await served.done;
    expect(produced).toBe(200);
    expect(bytes).toBeGreaterThan(12_000_000);
  });
});

/**
 * A source read in batches (the gateway's own streams): `batches` yields arrays of events, each
 * array handed out as one batch of wire text. Its item-by-item `next()` must not be used by writeSse.
 */
function batchSource(batches: () => AsyncGenerator<SseEvent[]>, onReturn: () => void = () => {}): () => AsyncIterable<SseEvent> {
  return () => {
    const source = batches();
    const iterator: SseBatchIterator & AsyncIterable<SseEvent> = {
      [Symbol.asyncIterator]: () => iterator,
      [nextSseBatch]: async () => {
        const step = await source.next();
        return step.done ? undefined : step.value.map(formatSseEvent);
      },
      next: () => Promise.reject(new Error("writeSse read a batch source event by event")),
      return: async () => {
        onReturn();
        await source.return(undefined);
        return { done: true, value: undefined };
      },
    };
    return iterator;
  };
}

describe("writeSse, from a source read in batches", () => {
  it("writes what is ready together in one write, as from the same events one by one", async () => {
    const served = await serve(
      batchSource(async function* () {
        yield [event(1), event(2)];
        yield [event(3)];
      }),
    );
    expect(await (await fetch(served.url)).text()).toBe('event: e\ndata: {"n":1}\n\nevent: e\ndata: {"n":2}\n\nevent: e\ndata: {"n":3}\n\n');
    await served.done;
    expect(served.calls).toEqual(['end:event: e\ndata: {"n":1}\n\nevent: e\ndata: {"n":2}\n\nevent: e\ndata: {"n":3}\n\n']);
  });

  it("sends each batch in the turn it is ready in", async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const served = await serve(
      batchSource(async function* () {
        yield [event(1)];
        await gate;
        yield [event(2), event(3)];
      }),
    );
    const reader = ((await fetch(served.url)).body as ReadableStream<Uint8Array>).getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe('event: e\ndata: {"n":1}\n\n');
    release();
    while (!(await reader.read()).done);
    await served.done;
    expect(served.calls).toEqual(['write:event: e\ndata: {"n":1}\n\n', 'end:event: e\ndata: {"n":2}\n\nevent: e\ndata: {"n":3}\n\n']);
  });

  it("stops the source when the client leaves", async () => {
    let returned = 0;
    const served = await serve(
      batchSource(
        async function* () {
          for (let n = 0; ; n += 2) {
            yield [event(n), event(n + 1)];
            await new Promise((resolve) => setTimeout(resolve, 5));
          }
        },
        () => returned++,
      ),
    );
    const controller = new AbortController();
    const res = await fetch(served.url, { signal: controller.signal });
    await (res.body as ReadableStream<Uint8Array>).getReader().read();
    controller.abort();
    await served.done;
    await expect.poll(() => returned).toBe(1);
  });

  it("waits for the client to read when the socket is full, within a batch too", async () => {
    const big = "x".repeat(64 * 1024);
    let produced = 0;
    const served = await serve(
      batchSource(async function* () {
        for (; produced < 200; produced += 10) yield Array.from({ length: 10 }, () => ({ data: big }));
      }),
    );
    const reader = ((await fetch(served.url)).body as ReadableStream<Uint8Array>).getReader();
    await reader.read();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(produced).toBeLessThan(200);
    // Each event went to the buffer on its own: no write holds more than one event past the high-water mark.
    expect(Math.max(...served.calls.map((call) => call.length))).toBeLessThan(2 * (big.length + 16) + 64 * 1024);
    let bytes = 0;
    for (let step = await reader.read(); !step.done; step = await reader.read()) bytes += step.value.length;
    await served.done;
    expect(produced).toBe(200);
    expect(bytes).toBeGreaterThan(12_000_000);
  });
});

describe("writeSse, from the gateway's relayed events (ready batches taken without a promise)", () => {
  const ID = "G-0123456789abcdef01234567";
  const SNAPSHOT = { id: ID, object: "response", created_at: 1, model: "m", status: "in_progress", output: [], usage: null };
  const BODY = { id: ID, status: "completed", output: [{ type: "message", content: [{ type: "output_text", text: "Hi there", annotations: [] }] }] };

  function relayed(queue: DeltaQueue<StreamDelta>, settled: boolean): RelayedEvents {
    const events = new RelayedEvents(ID, SNAPSHOT, queue, Promise.resolve({ body: BODY }));
    if (settled) events.settled({ body: BODY });
    return events;
  }

  function expectedText(deltas: readonly string[]): string {
    const writer = new ResponseEventWriter(ID);
    return [...writer.start(SNAPSHOT), ...deltas.map((text) => writer.delta(text)), ...writer.finish(BODY)].map(formatSseEvent).join("");
  }

  it("writes a stream that had ended, told its end or not, in one write with the headers", async () => {
    for (const settled of [true, false]) {
      const queue = new DeltaQueue<StreamDelta>(() => {});
      for (const text of ["Hi", " there"]) queue.push({ type: "text", text });
      queue.close();
      const served = await serve(() => relayed(queue, settled));
      expect(await (await fetch(served.url)).text()).toBe(expectedText(["Hi", " there"]));
      await served.done;
      expect(served.calls).toEqual([`end:${expectedText(["Hi", " there"])}`]);
      server?.closeAllConnections();
      server?.close();
    }
  });

  it("writes the text of each later turn in a write of its own", async () => {
    const queue = new DeltaQueue<StreamDelta>(() => {});
    queue.push({ type: "text", text: "Hi" });
    const served = await serve(() => relayed(queue, false));
    const reader = ((await fetch(served.url)).body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let text = decoder.decode((await reader.read()).value);
    queue.push({ type: "text", text: " there" });
    queue.close();
    for (let step = await reader.read(); !step.done; step = await reader.read()) text += decoder.decode(step.value);
    await served.done;
    expect(text).toBe(expectedText(["Hi", " there"]));
    const writer = new ResponseEventWriter(ID);
    const first = [...writer.start(SNAPSHOT), writer.delta("Hi")].map(formatSseEvent).join("");
    const rest = [writer.delta(" there"), ...writer.finish(BODY)].map(formatSseEvent).join("");
    expect(served.calls).toEqual([`write:${first}`, `end:${rest}`]);
  });
});
