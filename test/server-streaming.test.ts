// Streaming responses over real HTTP: SSE framing, a failing source, and a client that leaves.
import { describe, expect, it } from "vitest";
import { parseSseStream, type SseEvent } from "../src/core/sse.js";
import { authHeaders, fakeServerPerTest } from "./server-fake-gateway.js";

const start = fakeServerPerTest();

const streamBody = JSON.stringify({ model: "openai/gpt-5.4-nano", input: "stream please", stream: true });

const EVENTS: SseEvent[] = [
  { event: "response.created", data: JSON.stringify({ type: "response.created", response: { id: "G-0001" } }) },
  { event: "response.output_text.delta", data: JSON.stringify({ type: "response.output_text.delta", delta: "Hello" }) },
  { data: "line one\nline two" },
  { event: "response.completed", data: JSON.stringify({ type: "response.completed" }) },
];

async function* fromList(events: SseEvent[]): AsyncGenerator<SseEvent> {
  for (const event of events) yield event;
}

async function collect(body: ReadableStream<Uint8Array>): Promise<SseEvent[]> {
  const events: SseEvent[] = [];
  for await (const event of parseSseStream(body)) events.push(event);
  return events;
}

describe("streaming responses", () => {
  it("writes text/event-stream with every event framed by the shared SSE writer", async () => {
    const { server } = await start({ stream: () => fromList(EVENTS) });
    const response = await fetch(`${server.url}/v1/responses`, { method: "POST", headers: authHeaders(), body: streamBody });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-generation-id")).toBe("G-0001");
    const text = await response.text();
    expect(text).toBe(
      'event: response.created\ndata: {"type":"response.created","response":{"id":"G-0001"}}\n\n' +
        'event: response.output_text.delta\ndata: {"type":"response.output_text.delta","delta":"Hello"}\n\n' +
        "data: line one\ndata: line two\n\n" +
        'event: response.completed\ndata: {"type":"response.completed"}\n\n',
    );
  });

  it("round-trips through the shared SSE parser", async () => {
    const { server } = await start({ stream: () => fromList(EVENTS) });
    const response = await fetch(`${server.url}/v1/responses`, { method: "POST", headers: authHeaders(), body: streamBody });
    if (!response.body) throw new Error("no body");
    expect(await collect(response.body)).toEqual(EVENTS);
  });

  it("ends a failing stream with an error event carrying the flat error body", async () => {
    async function* failing(): AsyncGenerator<SseEvent> {
      yield { event: "response.created", data: "{}" };
      throw new Error("upstream vanished");
    }
    const { server } = await start({ stream: failing });
    const response = await fetch(`${server.url}/v1/responses`, { method: "POST", headers: authHeaders(), body: streamBody });
    if (!response.body) throw new Error("no body");
    const events = await collect(response.body);
    expect(events).toHaveLength(2);
    expect(events[1]?.event).toBe("error");
    expect(JSON.parse(events[1]?.data ?? "")).toMatchObject({ error: "gateway_error", status_code: 500, description: "Unexpected gateway error: upstream vanished" });
  });

  it("stops the source when the client disconnects mid-stream", async () => {
    let release: () => void = () => undefined;
    const stopped = new Promise<void>((resolve) => {
      release = resolve;
    });
    let returned = false;
    // A source that sends one event, then waits until it is told to stop (no timers involved).
    const source = (): AsyncIterable<SseEvent> => {
      let sent = false;
      let wake: (step: IteratorResult<SseEvent>) => void = () => undefined;
      return {
        [Symbol.asyncIterator]: () => ({
          next: () => {
            if (!sent) {
              sent = true;
              return Promise.resolve({ done: false, value: { event: "response.created", data: "{}" } });
            }
            return new Promise<IteratorResult<SseEvent>>((resolve) => {
              wake = resolve;
            });
          },
          return: () => {
            returned = true;
            wake({ done: true, value: undefined });
            release();
            return Promise.resolve({ done: true, value: undefined });
          },
        }),
      };
    };
    const { server } = await start({ stream: source });
    const controller = new AbortController();
    const response = await fetch(`${server.url}/v1/responses`, { method: "POST", headers: authHeaders(), body: streamBody, signal: controller.signal });
    if (!response.body) throw new Error("no body");
    const reader = response.body.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe("event: response.created\ndata: {}\n\n");
    controller.abort();
    await stopped;
    expect(returned).toBe(true);
    // The server is still healthy afterwards.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});
