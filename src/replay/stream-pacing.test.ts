import { describe, expect, it } from "vitest";
import type { SseEvent } from "../core/sse.js";
import { PROFILE_DEFAULTS } from "../fakes/profile/schema.js";
import { planStream } from "../fakes/provider/stream-plan.js";
import type { StreamEvents } from "../fakes/wire/types.js";
import { replayThroughput } from "./stream-pacing.js";

const none = (): SseEvent[] => [];
const events: StreamEvents = { opening: none, delta: (text) => [{ data: text }], closing: none, terminator: none, error: none, malformed: none };

/** How long a fake streams `outputTokens` after its first token at `tokensPerSecond`. */
function streamingMs(outputTokens: number, tokensPerSecond: number): number {
  const plan = planStream(events, "x".repeat(outputTokens * 4), { ttftMs: 0, tokensPerSecond, chunkTokens: PROFILE_DEFAULTS.chunkTokens }, undefined);
  return plan.frames.at(-1)?.at ?? 0;
}

describe("replayThroughput", () => {
  it("gives the speed at which a fake streams as long as the logged stream did", () => {
    // A logged stream: 32 tokens, first token at 1051.58 ms, last at 1555.04 ms; the gateway measured 63.56 tokens/s.
    const record = { stream: true, latency_ms: 1555.04, ttft_ms: 1051.58, throughput_tps: 63.56, usage: { input_tokens: 16, output_tokens: 32 } };
    const tps = replayThroughput(record) ?? 0;
    expect(tps).toBeCloseTo(55.6, 1);
    expect(streamingMs(32, tps)).toBeCloseTo(1555.04 - 1051.58, 6);
    // Replaying the measured speed instead would stream 1/8 faster.
    expect(streamingMs(32, 63.56)).toBeLessThan(450);
  });

  it("keeps the logged speed when the record cannot tell the streaming time", () => {
    const base = { latency_ms: 900, ttft_ms: 400, throughput_tps: 70, usage: { input_tokens: 10, output_tokens: 30 } };
    expect(replayThroughput({ ...base, stream: false })).toBe(70);
    expect(replayThroughput({ ...base, stream: true, usage: { input_tokens: 10, output_tokens: 4 } })).toBe(70);
    expect(replayThroughput({ ...base, stream: true, ttft_ms: null, throughput_tps: null })).toBeUndefined();
  });
});
