import { describe, expect, it } from "vitest";
import type { SseEvent } from "../../core/sse.js";
import type { StreamEvents } from "../wire/types.js";
import { planStream, type StreamFaultSpec } from "./stream-plan.js";

const ev = (name: string): SseEvent => ({ event: name, data: name });
const events: StreamEvents = {
  opening: () => [ev("open")],
  delta: (text) => [ev(`d:${text}`)],
  closing: () => [ev("close")],
  terminator: () => [ev("end")],
  error: () => [ev("error")],
  malformed: (text) => [ev(`bad:${text}`)],
};
const text = "aaaabbbbccccdddd"; // 4 tokens
const timing = { ttftMs: 400, tokensPerSecond: 50, chunkTokens: 1 };
const names = (fault?: StreamFaultSpec) => planStream(events, text, timing, fault).frames.map((f) => [f.at, f.events.map((e) => e.event).join(" ")]);
const fault = (type: StreamFaultSpec["type"], afterChunks?: number): StreamFaultSpec => ({ type, afterChunks, errorType: undefined });

describe("planStream", () => {
  it("sends the opening with the first chunk at ttft, then one chunk per token interval, closing with the last", () => {
    expect(names()).toEqual([
      [400, "open d:aaaa"],
      [420, "d:bbbb"],
      [440, "d:cccc"],
      [460, "d:dddd close end"],
    ]);
  });

  it("groups chunk_tokens tokens per chunk", () => {
    const plan = planStream(events, text, { ...timing, chunkTokens: 2 }, undefined);
    expect(plan.frames.map((f) => [f.at, f.chunks])).toEqual([
      [400, 1],
      [440, 1],
    ]);
  });

  it("truncates after N chunks and closes cleanly", () => {
    expect(names(fault("truncate", 2))).toEqual([
      [400, "open d:aaaa"],
      [420, "d:bbbb"],
    ]);
    expect(planStream(events, text, timing, fault("truncate", 2)).ending).toBe("close");
  });

  it("disconnects after half the chunks by default", () => {
    const plan = planStream(events, text, timing, fault("disconnect"));
    expect(plan.ending).toBe("disconnect");
    expect(plan.frames.reduce((n, f) => n + f.chunks, 0)).toBe(2);
  });

  it("corrupts one chunk and carries on", () => {
    expect(names(fault("malformed_chunk", 1))[1]).toEqual([420, "bad:bbbb"]);
    expect(names(fault("malformed_chunk", 1)).at(-1)?.[1]).toBe("d:dddd close end");
  });

  it("drops only the terminator for missing_final_event", () => {
    expect(names(fault("missing_final_event")).at(-1)).toEqual([460, "d:dddd close"]);
  });

  it("sends an error event instead of the end", () => {
    expect(names(fault("error_event", 1))).toEqual([[400, "open d:aaaa error"]]);
  });
});
