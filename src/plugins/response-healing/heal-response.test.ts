import { describe, expect, it } from "vitest";
import { RELEASE_SUMMARY_FORMAT as releaseSummary } from "../../../test/support/seed-requests.js";
import type { ResponseFormat } from "../../providers/types.js";
import { healResponse, type HealInput } from "./heal-response.js";

function heal(text: string, overrides: Partial<HealInput> = {}) {
  return healResponse({ text, finishReason: "stop", responseFormat: releaseSummary, mode: "safe", streaming: false, ...overrides });
}

describe("healResponse skips", () => {
  it("streaming responses", () => {
    const result = heal("{", { streaming: true });
    expect(result.execution).toEqual({
      id: "response-healing",
      stage: "response",
      changed: false,
      status: "skipped",
      metadata: { attempted: false, healed: false, mode: "safe", transforms_applied: [], failure_reason: "streaming_unsupported" },
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
      stage: "response",
      changed: true,
      status: "applied",
      metadata: { attempted: true, healed: true, mode: "safe", transforms_applied: ["strip_markdown_fence", "remove_trailing_commas"] },
    });
  });

  it("reports valid JSON as applied but not healed; changed only when compacting changed the text", () => {
    const pretty = heal('{\n  "summary": "s",\n  "risk_level": "high"\n}');
    expect(pretty.execution).toMatchObject({ status: "applied", changed: true, metadata: { healed: false, transforms_applied: [] } });
    const compact = heal('{"summary":"s","risk_level":"high"}');
    expect(compact.execution).toMatchObject({ status: "applied", changed: false, metadata: { healed: false } });
  });

  it("accepts any JSON for json_object", () => {
    expect(heal("[1, 2,]", { responseFormat: { type: "json_object" } })).toMatchObject({ text: "[1,2]", execution: { status: "applied" } });
  });
});

describe("healResponse failures", () => {
  it("truncated: cut off at length", () => {
    const result = heal('{"summary": "2 deploys", "risk_le', { finishReason: "length" });
    expect(result.execution).toMatchObject({ status: "failed", changed: false, metadata: { attempted: true, healed: false, failure_reason: "truncated" } });
    expect(result.text).toBe('{"summary": "2 deploys", "risk_le');
    expect(result.value).toBeUndefined();
  });

  it("truncated: no prefix of an answer cut at length heals, in any mode", () => {
    const full = '```json\n{\n  "summary": "2 deploys, 1 rollback",\n  "risk_level": "medium"\n}';
    for (let cut = 1; cut < full.length; cut++) {
      for (const mode of ["safe", "strict", "extended"] as const) {
        expect(heal(full.slice(0, cut), { finishReason: "length", mode }).execution.status, `${mode} at ${cut}`).toBe("failed");
      }
    }
  });

  it("unparseable: no transform helps", () => {
    expect(heal("I cannot help with that.").execution).toMatchObject({ status: "failed", metadata: { failure_reason: "unparseable" } });
  });

  it("schema_mismatch: an out-of-enum value in safe mode, with located validation errors", () => {
    const result = heal('{"summary": "s", "risk_level": "High"}');
    expect(result.execution).toMatchObject({
      status: "failed",
      changed: false,
      metadata: { healed: false, failure_reason: "schema_mismatch", validation_errors: [{ path: "$.risk_level", keyword: "enum", message: "must be equal to one of the allowed values" }] },
    });
  });

  it("schema_mismatch lists at most 8 errors", () => {
    const format: ResponseFormat = { type: "json_schema", name: "many", schema: { type: "array", items: { type: "string" } } };
    const result = heal(JSON.stringify(Array.from({ length: 12 }, (_, i) => i)), { responseFormat: format });
    expect(result.execution.metadata.validation_errors).toHaveLength(8);
  });

  it("invalid_schema: the request's schema cannot be compiled", () => {
    const result = heal("{}", { responseFormat: { type: "json_schema", name: "bad", schema: { type: "nope" } } });
    expect(result.execution).toMatchObject({ status: "failed", metadata: { attempted: false, failure_reason: "invalid_schema" } });
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
    expect(heal('{"summary": "s"}', { mode: "extended" }).execution).toMatchObject({ status: "failed", metadata: { failure_reason: "schema_mismatch" } });
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
