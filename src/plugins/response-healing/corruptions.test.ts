import { describe, expect, it } from "vitest";
import { validateJson } from "../../structured-output/validate-json.js";
import { corrupt, EXTRA_PROPERTY_NAME, writeJson } from "./corruptions.js";

const schema = {
  type: "object",
  required: ["summary", "risk_level", "count"],
  properties: { summary: { type: "string" }, risk_level: { enum: ["low", "high"] }, count: { type: "integer" }, "odd key": { type: "boolean" } },
  additionalProperties: false,
};
const value = { summary: "ok", risk_level: "low", count: 2, "odd key": true };

describe("writeJson", () => {
  it("pretty-prints like JSON.stringify(value, null, 2) by default", () => {
    expect(writeJson(value, {}, "")).toBe(JSON.stringify(value, null, 2));
  });
});

describe("corrupt: syntax faults", () => {
  it("markdown_fence and prose_around wrap the pretty JSON", () => {
    expect(corrupt("markdown_fence", value, schema)?.text).toBe("```json\n" + JSON.stringify(value, null, 2) + "\n```");
    expect(corrupt("prose_around", value, schema)?.text).toMatch(/^Here is the JSON you asked for:\n\n\{[\s\S]*\}\n\nLet me know/);
  });

  it("trailing_comma adds a comma before each closer", () => {
    expect(corrupt("trailing_comma", { a: [1] }, {})?.text).toBe('{\n  "a": [\n    1,\n  ],\n}');
    expect(corrupt("trailing_comma", [], {})).toBeUndefined();
  });

  it("unquoted_keys unquotes identifier keys only", () => {
    const text = corrupt("unquoted_keys", value, schema)?.text ?? "";
    expect(text).toContain("  summary: ");
    expect(text).toContain('  "odd key": ');
    expect(corrupt("unquoted_keys", { "a b": 1 }, {})).toBeUndefined();
  });

  it("missing_closers drops the final closers; truncate_length cuts with finish reason length", () => {
    expect(corrupt("missing_closers", { a: [1] }, {})?.text).toBe('{\n  "a": [\n    1');
    const truncated = corrupt("truncate_length", value, schema);
    const pretty = JSON.stringify(value, null, 2);
    expect(truncated?.finishReason).toBe("length");
    expect(pretty.startsWith(truncated?.text ?? "-")).toBe(true);
    expect(truncated?.text.length).toBe(Math.floor(pretty.length * 0.6));
  });
});

describe("corrupt: schema faults", () => {
  function corrupted(kind: "wrong_enum" | "enum_case" | "wrong_type" | "missing_required" | "extra_property"): unknown {
    const text = corrupt(kind, value, schema)?.text;
    if (text === undefined) throw new Error(`${kind} did not apply`);
    const parsed = JSON.parse(text) as unknown;
    expect(validateJson(schema, parsed).ok).toBe(false);
    return parsed;
  }

  it("wrong_enum sends a value outside the enum", () => {
    expect(corrupted("wrong_enum")).toEqual({ ...value, risk_level: "low_unlisted" });
  });

  it("enum_case changes the case of an enum value", () => {
    expect(corrupted("enum_case")).toEqual({ ...value, risk_level: "LOW" });
  });

  it("wrong_type stringifies the first value the schema types", () => {
    expect(corrupted("wrong_type")).toEqual({ ...value, count: "2" });
  });

  it("missing_required drops a required property", () => {
    expect(corrupted("missing_required")).toEqual({ risk_level: "low", count: 2, "odd key": true });
  });

  it("extra_property adds a property where additionalProperties is false", () => {
    expect(corrupted("extra_property")).toEqual({ ...value, [EXTRA_PROPERTY_NAME]: "added by the model" });
  });

  it("does not apply where the schema would not notice", () => {
    expect(corrupt("wrong_enum", { a: "x" }, { type: "object" })).toBeUndefined();
    expect(corrupt("missing_required", { a: "x" }, { type: "object" })).toBeUndefined();
    expect(corrupt("extra_property", { a: "x" }, { type: "object" })).toBeUndefined();
  });
});
