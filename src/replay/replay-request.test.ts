import { describe, expect, it } from "vitest";
import { countTokens } from "../fakes/content/tokens.js";
import { replayRecord } from "./replay-record-fixture.js";
import { replayBody } from "./replay-request.js";

const record = (input: number, stream = false) => replayRecord({ model: "openai/gpt-5.4-nano", ranked: { openai: 1 }, tokens: [input, 20], costUsd: 0, overrides: { stream } });

describe("replayBody", () => {
  it("sends exactly the logged input tokens, short prompts included, each input unique", () => {
    const bodies = [16, 3, 16, 900].map((n, serial) => replayBody(record(n), serial));
    expect(bodies.map((b) => countTokens(String(b?.input)))).toEqual([16, 3, 16, 900]);
    expect(new Set(bodies.map((b) => b?.input)).size).toBe(4);
  });

  it("keeps the model and the stream flag, and adds no preferences routing did not see", () => {
    expect(replayBody(record(16, true), 0)).toEqual({ model: "openai/gpt-5.4-nano", input: expect.stringMatching(/^R0 Summarise/), stream: true });
  });

  it("asks for the sort a preset's mode (or a model suffix) made, which the diagnostics show only as the mode", () => {
    const sorted = record(16);
    if (sorted.routing_diagnostics) Object.assign(sorted.routing_diagnostics, { strategy: "explicit_sort", routingMode: "price", sort: undefined });
    expect(replayBody(sorted, 0)?.provider).toEqual({ sort: "price" });
    const shuffled = record(16);
    if (shuffled.routing_diagnostics) Object.assign(shuffled.routing_diagnostics, { strategy: "weighted_shuffle", routingMode: "price", sort: undefined });
    expect(replayBody(shuffled, 0)?.provider).toBeUndefined();
  });
});
