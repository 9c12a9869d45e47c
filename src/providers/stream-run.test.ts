import { describe, expect, it } from "vitest";
import { GatewayError } from "../core/errors.js";
import { type StreamBegin, StreamRun, type StreamRunHost } from "./stream-run.js";

/** A host on a settable clock that notes each beginning and cancel. */
function host() {
  const begins: StreamBegin[] = [];
  const state = { now: 0, cancels: 0 };
  const h: StreamRunHost = { elapsed: () => state.now, cancel: () => state.cancels++, begun: (begin) => begins.push(begin) };
  return { h, begins, state };
}

describe("StreamRun", () => {
  it("reports its beginning once, at the first text, and a later failure only through done", async () => {
    const { h, begins, state } = host();
    const run = new StreamRun(h);
    run.record({ type: "start", id: "c1", model: "m" });
    expect(begins).toEqual([]);
    state.now = 30;
    run.record({ type: "text", text: "Hi" });
    state.now = 50;
    run.record({ type: "text", text: " there" });
    expect(run.record({ type: "error", error: new GatewayError("upstream_invalid_response", "cut") })).toBe(true);
    expect(begins).toEqual([{ ok: true, ttftMs: 30 }]);
    expect(await run.done).toMatchObject({ error: { code: "upstream_invalid_response" }, durationMs: 50 });
  });

  it("reports a failure before any text as the beginning that failed", () => {
    const { h, begins, state } = host();
    const run = new StreamRun(h);
    state.now = 7;
    run.record({ type: "error", error: new GatewayError("upstream_timeout", "slow") });
    expect(begins).toMatchObject([{ ok: false, error: { code: "upstream_timeout" }, durationMs: 7 }]);
  });

  it("keeps the latest usage counts, a later delta replacing only the counts it carries", async () => {
    const { h } = host();
    const run = new StreamRun(h);
    run.record({ type: "usage", usage: { inputTokens: 12 } });
    run.record({ type: "usage", usage: { outputTokens: 3 } });
    run.record({ type: "usage", usage: { inputTokens: 14, outputTokens: 5 } });
    run.record({ type: "usage", usage: { outputTokens: 6 } });
    run.record({ type: "finish", finishReason: "stop" });
    expect(await run.done).toMatchObject({ result: { text: "", finishReason: "stop", usage: { inputTokens: 14, outputTokens: 6 } }, ttftMs: 0 });
  });

  it("cancels through its host when the consumer stops reading the open deltas", async () => {
    const { h, state } = host();
    const run = new StreamRun(h);
    run.record({ type: "text", text: "a" });
    for await (const delta of run.deltas) {
      expect(delta).toEqual({ type: "text", text: "a" });
      break;
    }
    expect(state.cancels).toBe(1);
  });
});
