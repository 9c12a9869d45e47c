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

  it("leaves out the failed attempts of a stream that failed over: its first token counts from the answering attempt", () => {
    // Measured: openai 503 after 300 ms, openai-eu's first token 200 ms into its attempt, 370 tokens,
    // the request done at 7860 ms; the gateway measured 370 / 7.36 s = 50.27 tokens/s.
    const record = { stream: true, latency_ms: 7860, ttft_ms: 200, throughput_tps: 50.27, usage: { input_tokens: 3, output_tokens: 370 } };
    const tps = replayThroughput(record, 300) ?? 0;
    expect(streamingMs(370, tps)).toBeCloseTo(7860 - 300 - 200, 6);
    // Counting the failed attempt as streaming time would replay it 300 ms too slow.
    expect(streamingMs(370, replayThroughput(record) ?? 0)).toBeCloseTo(7860 - 200, 6);
  });
});
