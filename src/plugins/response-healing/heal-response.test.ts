import { describe, expect, it } from "vitest";
import { RELEASE_SUMMARY_FORMAT as releaseSummary } from "../../../test/support/seed-requests.js";
import type { ResponseFormat } from "../../providers/types.js";
import { healingSucceeded, healResponse, type HealInput } from "./heal-response.js";

function heal(text: string, overrides: Partial<HealInput> = {}) {
  return healResponse({ text, finishReason: "stop", responseFormat: releaseSummary, mode: "safe", streaming: false, ...overrides });
}

describe("healResponse skips", () => {
  it("streaming responses", () => {
    const result = heal("{", { streaming: true });
    // The plugin's own record (response-healing.ts:574-588); the registry's differs (run-response-plugins.test.ts).
    expect(result.execution).toEqual({
      id: "response-healing",
      stage: "response.post_provider",
      changed: false,
      status: "skipped",
      metadata: { attempted: false, healed: false, mode: "safe", failure_reason: "streaming_unsupported" },
    });
    expect(result.text).toBe("{");
  });

  it("responses without a JSON format", () => {
    expect(heal("hi", { responseFormat: undefined }).execution.metadata.failure_reason).toBe("not_json");
    expect(heal("hi", { responseFormat: { type: "text" } }).execution).toMatchObject({ status: "skipped", metadata: { failure_reason: "not_json" } });
  });
});

describe("healResponse successes", () => {
  it("heals a fenced, trailing-comma answer and rewrites it as compact JSON", () => {
    const result = heal('```json\n{\n  "summary": "2 deploys",\n  "risk_level": "low",\n}\n```');
    expect(result.text).toBe('{"summary":"2 deploys","risk_level":"low"}');
    expect(result.value).toEqual({ summary: "2 deploys", risk_level: "low" });
    expect(result.execution).toEqual({
      id: "response-healing",
      stage: "response.post_provider",
      changed: true,
      status: "applied",
      metadata: { attempted: true, healed: true, mode: "safe", transforms_applied: ["strip_markdown_fence", "remove_trailing_commas"] },
    });
  });

  it("rewrites valid but not compact JSON as applied, not healed; compact valid JSON is skipped, unchanged", () => {
    const pretty = heal('{\n  "summary": "s",\n  "risk_level": "high"\n}');
    expect(pretty.execution).toMatchObject({ status: "applied", changed: true, metadata: { healed: false, transforms_applied: [] } });
    const compact = heal('{"summary":"s","risk_level":"high"}');
    expect(compact.execution).toEqual({
      id: "response-healing",
      stage: "response.post_provider",
      changed: false,
      status: "skipped",
      metadata: { attempted: true, healed: false, mode: "safe", transforms_applied: [] },
    });
    expect(healingSucceeded(compact.execution)).toBe(true);
  });

  it("accepts any JSON for json_object", () => {
    expect(heal("[1, 2,]", { responseFormat: { type: "json_object" } })).toMatchObject({ text: "[1,2]", execution: { status: "applied" } });
  });
});

describe("healResponse failures", () => {
  it("truncated: cut off at length", () => {
    const result = heal('{"summary": "2 deploys", "risk_le', { finishReason: "length" });
    expect(result.execution).toMatchObject({ status: "skipped", changed: false, metadata: { attempted: true, healed: false, failure_reason: "truncated" } });
    expect(result.text).toBe('{"summary": "2 deploys", "risk_le');
    expect(result.value).toBeUndefined();
  });

  it("truncated: no prefix of an answer cut at length heals, in any mode", () => {
    const full = '```json\n{\n  "summary": "2 deploys, 1 rollback",\n  "risk_level": "medium"\n}';
    for (let cut = 1; cut < full.length; cut++) {
      for (const mode of ["safe", "strict", "extended"] as const) {
        const { execution } = heal(full.slice(0, cut), { finishReason: "length", mode });
        expect(execution.metadata.failure_reason, `${mode} at ${cut}`).toBe("truncated");
      }
    }
  });

  it("unrepairable: no transform helps", () => {
    expect(heal("I cannot help with that.").execution).toMatchObject({ status: "skipped", metadata: { failure_reason: "unrepairable" } });
  });

  it("a curly-quoted key is never quoted into the name (the false-success defect), in any mode", () => {
    const format: ResponseFormat = { type: "json_schema", name: "a", schema: { type: "object", properties: { a: { type: "number" } } } };
    for (const mode of ["safe", "strict"] as const) {
      const result = heal("{\u201ca\u201d: 15}", { responseFormat: format, mode });
      expect(result.execution, mode).toMatchObject({ status: "skipped", changed: false, metadata: { failure_reason: "unrepairable" } });
      expect(result.text).toBe("{\u201ca\u201d: 15}");
    }
    // Extended mode reads the curly quotes as quotes: the key keeps its name.
    expect(heal("{\u201ca\u201d: 15}", { responseFormat: format, mode: "extended" })).toMatchObject({ text: '{"a":15}', execution: { status: "applied" } });
  });

  it("schema_mismatch: an out-of-enum value in safe mode, with located validation errors", () => {
    const result = heal('{"summary": "s", "risk_level": "High"}');
    expect(result.execution).toMatchObject({
      status: "skipped",
      changed: false,
      metadata: { healed: false, failure_reason: "schema_mismatch", validation_errors: ["$.risk_level must match one of the configured enum values"] },
    });
  });

  it("schema_mismatch lists at most 8 errors", () => {
    const format: ResponseFormat = { type: "json_schema", name: "many", schema: { type: "array", items: { type: "string" } } };
    const result = heal(JSON.stringify(Array.from({ length: 12 }, (_, i) => i)), { responseFormat: format });
    expect(result.execution.metadata.validation_errors).toHaveLength(8);
  });

  it("a schema ajv cannot compile leaves the reference's own check: an unknown type passes", () => {
    const result = heal("{}", { responseFormat: { type: "json_schema", name: "bad", schema: { type: "nope" } } });
    expect(result.execution).toMatchObject({ status: "skipped", metadata: { attempted: true } });
    expect(healingSucceeded(result.execution)).toBe(true);
  });

  it("schemaCheck full also applies keywords the reference's check ignores; reference lets them through", () => {
    const format: ResponseFormat = { type: "json_schema", name: "any", schema: { anyOf: [{ type: "string" }, { type: "boolean" }] } };
    expect(heal("[1,]", { responseFormat: format }).execution.metadata).toMatchObject({
      failure_reason: "schema_mismatch",
      validation_errors: ["$ must be string", "$ must be boolean", "$ must match a schema in anyOf"],
    });
    expect(heal("[1,]", { responseFormat: format, schemaCheck: "reference" }).execution).toMatchObject({ status: "applied", metadata: { healed: true } });
  });

  it("records the transforms tried before a failure", () => {
    expect(heal('```json\n{"summary": "s"}\n```').execution.metadata).toMatchObject({ failure_reason: "schema_mismatch", transforms_applied: ["strip_markdown_fence"] });
  });
});

describe("healResponse extended mode", () => {
  it("heals an out-of-enum value only when the case-insensitive match is unique", () => {
    const result = heal('{"summary": "s", "risk_level": "High"}', { mode: "extended" });
    expect(result.execution).toMatchObject({ status: "applied", metadata: { healed: true, transforms_applied: ["coerce_enum_case"] } });
    expect(result.text).toBe('{"summary":"s","risk_level":"high"}');
    const ambiguous: ResponseFormat = { type: "json_schema", name: "a", schema: { enum: ["high", "HIGH"] } };
    expect(heal('"High"', { mode: "extended", responseFormat: ambiguous }).execution.metadata.failure_reason).toBe("schema_mismatch");
  });

  it("never invents a required value", () => {
    expect(heal('{"summary": "s"}', { mode: "extended" }).execution).toMatchObject({ status: "skipped", metadata: { failure_reason: "schema_mismatch" } });
  });

  it("combines syntax repairs and coercions", () => {
    const result = heal("{'summary': 's', 'risk_level': 'LOW', 'note': 'extra'}", { mode: "extended" });
    expect(result.text).toBe('{"summary":"s","risk_level":"low"}');
    expect(result.execution.metadata.transforms_applied).toEqual(["normalise_quotes", "coerce_enum_case", "drop_additional_property"]);
  });

  it("never heals output cut off at length", () => {
    expect(heal("{'summary': 's', 'risk_level': 'low'", { mode: "extended", finishReason: "length" }).execution.metadata.failure_reason).toBe("truncated");
  });
});
