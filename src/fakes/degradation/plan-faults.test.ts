import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { degradationPhaseSchema, type DegradationPhaseInput } from "../profile/degradation-schema.js";
import { planFaults, type PhaseCounters } from "./plan-faults.js";

const phases = (...inputs: DegradationPhaseInput[]) => inputs.map((p) => degradationPhaseSchema.parse(p));
const run = (inputs: DegradationPhaseInput[], times: number[], models = ["openai/gpt", "gpt"]) => {
  const list = phases(...inputs);
  const counters: PhaseCounters[] = [];
  const random = createRandom("seed", "faults");
  return times.map((t) => planFaults(list, counters, t, models, random));
};

describe("planFaults", () => {
  it("hits the first `count` requests of a phase and lets the rest pass", () => {
    const hits = run([{ http_error: { status: 500, count: 3 } }], [0, 1, 2, 3, 4]);
    expect(hits.map((h) => h.length)).toEqual([1, 1, 1, 0, 0]);
  });

  it("follows an exact sequence, then passes", () => {
    const hits = run([{ http_error: { status: 503, sequence: ["fail", "ok", "fail"] } }], [0, 1, 2, 3]);
    expect(hits.map((h) => h.length)).toEqual([1, 0, 1, 0]);
  });

  it("restarts counts with each occurrence of a repeating phase", () => {
    const hits = run([{ at: 0, duration: 10, repeat: { every: 100 }, connection_error: { count: 1 } }], [0, 5, 50, 100, 105]);
    expect(hits.map((h) => h.length)).toEqual([1, 0, 0, 1, 0]);
  });

  it("hits at about the given probability", () => {
    const hits = run(
      [{ http_error: { status: 500, probability: 0.3 } }],
      Array.from({ length: 5000 }, (_, i) => i),
    );
    const share = hits.filter((h) => h.length > 0).length / 5000;
    expect(share).toBeGreaterThan(0.27);
    expect(share).toBeLessThan(0.33);
  });

  it("ramps a probability linearly across the phase", () => {
    const times = Array.from({ length: 10_000 }, (_, i) => i);
    const hits = run([{ at: 0, duration: 10_000, ramp: "linear", http_error: { status: 500, probability: 1 } }], times);
    const early = hits.slice(0, 2000).filter((h) => h.length > 0).length / 2000;
    const late = hits.slice(8000).filter((h) => h.length > 0).length / 2000;
    expect(early).toBeLessThan(0.15);
    expect(late).toBeGreaterThan(0.85);
  });

  it("ramps a multiplier's factor rather than its probability", () => {
    const [hit] = run([{ at: 0, duration: 1000, ramp: "linear", latency_multiplier: 5 }], [500]);
    expect(hit).toEqual([{ phase: 0, fault: { kind: "latency_multiplier", factor: 3 } }]);
  });

  it("only considers requests for the phase's models", () => {
    const hits = run([{ models: ["anthropic/claude"], hang: true }], [0]);
    expect(hits[0]).toEqual([]);
  });

  it("returns every active phase that hits, in phase order", () => {
    const [hit] = run([{ latency_multiplier: 2 }, { at: 1000, hang: true }, { content_fault: "trailing_comma" }], [10]);
    expect(hit?.map((h) => h.fault.kind)).toEqual(["latency_multiplier", "content_fault"]);
  });
});
