import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { formatConfigIssue, parseConfig } from "../../core/load-config.js";
import { fakeProviderListSchema, fakeProviderProfileSchema, type FakeProviderProfileInput } from "./schema.js";

const example = readFileSync(new URL("./example.yaml", import.meta.url), "utf8");
const minimal = (extra: Partial<FakeProviderProfileInput> = {}): FakeProviderProfileInput => ({
  id: "openai",
  models: { "openai/gpt-5.4-nano": { model: "gpt-5.4-nano", price: { input: 0.05, output: 0.4 } } },
  ...extra,
});
const issues = (text: string) => {
  const result = parseConfig("p.yaml", text, fakeProviderProfileSchema);
  return result.ok ? [] : result.issues.map(formatConfigIssue);
};

describe("fakeProviderProfileSchema", () => {
  it("parses the documented example", () => {
    const result = parseConfig("example.yaml", example, fakeProviderProfileSchema);
    if (!result.ok) throw new Error(result.issues.map(formatConfigIssue).join("\n"));
    const p = result.value;
    expect(p.format).toBe("openai-chat");
    expect(p.base_url).toBe("https://eu.api.openai.com/v1");
    expect(p.latency).toEqual({ distribution: { kind: "lognormal", median: 800, p99: 3000 }, min: undefined, cap: 20_000 });
    expect(p.capacity).toEqual({ max_concurrent: 32, queue: 64, queue_timeout: 30_000, load_latency_factor: 0.02 });
    expect(p.degradations).toHaveLength(7);
    expect(p.degradations[0]).toMatchObject({ at: 600_000, duration: 300_000, ramp: "linear", fault: { kind: "http_error", status: 503, retryAfter: 2000 }, trigger: { kind: "probability", p: 0.4 } });
    expect(p.degradations[2]).toMatchObject({ repeat: { every: 120_000, times: 5 }, fault: { kind: "connection_error" } });
    expect(p.degradations[5]?.trigger).toEqual({ kind: "sequence", steps: [true, false, true] });
    expect(p.degradations[6]?.fault).toEqual({ kind: "wrong_usage", inputScale: 2, outputScale: 2, omit: false });
  });

  it("fills defaults: known base URL and format, default distributions, no limits", () => {
    const p = fakeProviderProfileSchema.parse(minimal({ id: "anthropic-us", models: {} }));
    expect(p).toMatchObject({ format: "anthropic-messages", base_url: "https://us.api.anthropic.com", chunk_tokens: 4, degradations: [] });
    expect(p.ttft.distribution).toEqual({ kind: "lognormal", median: 400, p99: 1500 });
    expect(p.capacity.max_concurrent).toBeUndefined();
    expect(p.models).toEqual({});
  });

  it("gives unknown providers a reserved .test host and requires their format", () => {
    expect(fakeProviderProfileSchema.parse(minimal({ id: "acme", format: "openai-chat" })).base_url).toBe("https://acme.gateway-sim.test/v1");
    expect(issues("id: acme\nmodels: {}\n")).toEqual([
      'p.yaml:1:1 format: "acme" is not a known provider: give format (one of openai-chat, anthropic-messages, openai-responses, gemini, bedrock-converse)',
    ]);
  });

  it("applies offer defaults with the catalog's field names", () => {
    const p = fakeProviderProfileSchema.parse(minimal());
    expect(p.models["openai/gpt-5.4-nano"]).toEqual({ model: "gpt-5.4-nano", price: { input: 0.05, output: 0.4 }, structured_output: true, max_output_tokens: 16_384 });
  });

  it("accepts scalar shorthands for distributions and faults", () => {
    const p = fakeProviderProfileSchema.parse(minimal({ ttft: "250ms", throughput: 40, degradations: [{ http_error: 502 }, { hang: true }, { stream_fault: "missing_final_event" }] }));
    expect(p.ttft).toEqual({ distribution: { kind: "fixed", value: 250 }, min: undefined, cap: undefined });
    expect(p.throughput.distribution).toEqual({ kind: "fixed", value: 40 });
    expect(p.degradations.map((d) => d.fault.kind)).toEqual(["http_error", "hang", "stream_fault"]);
  });

  it("reports problems at their line with the field path", () => {
    expect(issues("id: openai\nmodels: {}\nlatency: { lognormal: { median: 8x, p99: 3s } }\n")).toEqual([
      'p.yaml:3:33 latency.lognormal.median: expected a duration such as "800ms", "1.5s", "10m" or "1h"; got "8x"',
    ]);
    expect(issues("id: openai\nmodels: {}\nlatencyy: 3s\n")).toEqual(['p.yaml:3:1 latencyy: unknown field "latencyy"; did you mean "latency"?']);
    expect(issues("id: openai\nmodels: {}\nttft: true\n")[0]).toContain("ttft: expected a duration");
  });

  it("rejects phases with no fault, two faults, or triggers that cannot combine", () => {
    const phaseIssues = (phase: string) => issues(`id: openai\nmodels: {}\ndegradations:\n  - ${phase}\n`);
    expect(phaseIssues("{ at: 1m }")[0]).toContain("expected one fault");
    expect(phaseIssues("{ hang: true, connection_error: true }")[0]).toContain("expected only one fault, got hang and connection_error");
    expect(phaseIssues("{ http_error: { status: 500, count: 2, probability: 0.5 } }")[0]).toContain("use one of probability, count or sequence");
    expect(phaseIssues("{ duration: 1m, ramp: linear, http_error: { status: 500, count: 2 } }")[0]).toContain("cannot ramp a count");
    expect(phaseIssues("{ ramp: linear, latency_multiplier: 2 }")[0]).toContain("a linear ramp needs a duration");
    expect(phaseIssues("{ duration: 5m, repeat: { every: 1m }, hang: true }")[0]).toContain("every must be ≥ duration");
    expect(phaseIssues("{ content_fault: bogus }")[0]).toContain('Invalid option: expected one of "markdown_fence"');
  });

  it("rejects inconsistent distributions", () => {
    expect(issues("id: openai\nmodels: {}\nttft: { lognormal: { median: 3s, p99: 1s } }\n")[0]).toContain("p99 must be greater than a positive median");
    expect(issues("id: openai\nmodels: {}\nttft: { fixed: 1s, uniform: { min: 1, max: 2 } }\n")[0]).toContain("expected only one distribution");
  });
});

describe("fakeProviderListSchema", () => {
  it("rejects duplicate ids", () => {
    const result = fakeProviderListSchema.safeParse([minimal(), minimal()]);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe('duplicate provider id "openai"');
  });
});
