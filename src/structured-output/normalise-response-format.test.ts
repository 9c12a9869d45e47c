import { describe, expect, it } from "vitest";
import { normaliseResponseFormat } from "./normalise-response-format.js";

const schema = { type: "object", required: ["summary"], properties: { summary: { type: "string" } } };
const expected = { type: "json_schema", name: "release_summary", schema };

describe("normaliseResponseFormat", () => {
  it("accepts the flat, nested and text.format spellings alike", () => {
    expect(normaliseResponseFormat({ response_format: { type: "json_schema", name: "release_summary", schema } })).toEqual({ ok: true, format: expected });
    expect(normaliseResponseFormat({ response_format: { type: "json_schema", json_schema: { name: "release_summary", schema } } })).toEqual({ ok: true, format: expected });
    expect(normaliseResponseFormat({ text: { format: { type: "json_schema", name: "release_summary", schema }, verbosity: "low" } })).toEqual({ ok: true, format: expected });
  });

  it("keeps strict and description", () => {
    const result = normaliseResponseFormat({ response_format: { type: "json_schema", json_schema: { name: "s", schema, strict: true, description: "d" } } });
    expect(result).toEqual({ ok: true, format: { type: "json_schema", name: "s", schema, strict: true, description: "d" } });
  });

  it("accepts json_object and text, and no format at all", () => {
    expect(normaliseResponseFormat({ response_format: { type: "json_object" } })).toEqual({ ok: true, format: { type: "json_object" } });
    expect(normaliseResponseFormat({ text: { format: { type: "text" } } })).toEqual({ ok: true, format: { type: "text" } });
    expect(normaliseResponseFormat({})).toEqual({ ok: true, format: undefined });
    expect(normaliseResponseFormat({ text: { verbosity: "low" } })).toEqual({ ok: true, format: undefined });
  });

  it("locates missing fields and unknown types", () => {
    expect(normaliseResponseFormat({ response_format: { type: "json_schema", name: "s" } })).toEqual({
      ok: false,
      problems: [{ path: "response_format.schema", message: "is required for a json_schema format", keyword: "custom" }],
    });
    const unknown = normaliseResponseFormat({ text: { format: { type: "xml" } } });
    expect(unknown).toMatchObject({ ok: false, problems: [{ path: "text.format.type" }] });
  });

  it("rejects a bad name and an uncompilable schema at their nested paths", () => {
    const result = normaliseResponseFormat({ response_format: { type: "json_schema", json_schema: { name: "bad name", schema: { type: "nope" } } } });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.map((p) => [p.path, p.keyword])).toEqual([
      ["response_format.json_schema.name", "invalid_format"],
      ["response_format.json_schema.schema", "invalid_schema"],
    ]);
    expect(result.problems[1]?.message).toMatch(/^is not a valid draft-07 JSON Schema: /);
  });

  it("rejects mixing the flat and nested forms, unknown keys, and two places at once", () => {
    expect(normaliseResponseFormat({ response_format: { type: "json_schema", name: "s", json_schema: { name: "s", schema } } })).toMatchObject({
      ok: false,
      problems: [{ path: "response_format.name" }],
    });
    expect(normaliseResponseFormat({ response_format: { type: "json_object", schema } })).toMatchObject({ ok: false, problems: [{ path: "response_format", keyword: "unrecognized_keys" }] });
    expect(normaliseResponseFormat({ response_format: { type: "json_object" }, text: { format: { type: "json_object" } } })).toMatchObject({
      ok: false,
      problems: [{ path: "text.format", keyword: "conflict" }],
    });
  });
});
