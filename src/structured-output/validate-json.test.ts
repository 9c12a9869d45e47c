import { describe, expect, it } from "vitest";
import { compileSchema } from "./compile-schema.js";
import { validateJson } from "./validate-json.js";
import { MAX_VALIDATION_ERRORS } from "./validation-issue.js";

describe("validateJson across drafts", () => {
  it("draft-04: boolean exclusiveMaximum", () => {
    const schema = { $schema: "http://json-schema.org/draft-04/schema#", type: "number", maximum: 10, exclusiveMaximum: true };
    expect(validateJson(schema, 9.5).ok).toBe(true);
    expect(validateJson(schema, 10)).toMatchObject({ ok: false, reason: "schema_mismatch", draft: "draft-04" });
  });

  it("draft-04: a $ref into the draft-04 meta-schema resolves", () => {
    const schema = { $schema: "http://json-schema.org/draft-04/schema#", properties: { title: { $ref: "http://json-schema.org/draft-04/schema#/properties/title" } } };
    expect(validateJson(schema, { title: "x" }).ok).toBe(true);
    expect(validateJson(schema, { title: 3 }).ok).toBe(false);
  });

  it("draft-06: const and contains", () => {
    const schema = { $schema: "http://json-schema.org/draft-06/schema#", type: "array", contains: { const: "x" } };
    expect(validateJson(schema, ["a", "x"])).toEqual({ ok: true, draft: "draft-06" });
    expect(validateJson(schema, ["a"]).ok).toBe(false);
  });

  it("draft-07: if/then", () => {
    const schema = { $schema: "http://json-schema.org/draft-07/schema#", if: { properties: { a: { const: 1 } } }, then: { required: ["b"] } };
    expect(validateJson(schema, { a: 2 }).ok).toBe(true);
    expect(validateJson(schema, { a: 1 }).ok).toBe(false);
  });

  it("2019-09: dependentRequired and unevaluatedProperties", () => {
    const schema = { $schema: "https://json-schema.org/draft/2019-09/schema", properties: { a: {}, b: {} }, dependentRequired: { a: ["b"] }, unevaluatedProperties: false };
    expect(validateJson(schema, { a: 1, b: 2 })).toEqual({ ok: true, draft: "2019-09" });
    expect(validateJson(schema, { a: 1 }).ok).toBe(false);
    expect(validateJson(schema, { a: 1, b: 2, c: 3 }).ok).toBe(false);
  });

  it("2020-12: prefixItems", () => {
    const schema = { $schema: "https://json-schema.org/draft/2020-12/schema", prefixItems: [{ type: "string" }, { type: "integer" }] };
    expect(validateJson(schema, ["a", 1]).ok).toBe(true);
    const result = validateJson(schema, [1, "a"]);
    expect(result).toMatchObject({ ok: false, draft: "2020-12" });
    if (result.ok || result.reason !== "schema_mismatch") throw new Error("expected a mismatch");
    expect(result.errors.map((e) => e.path)).toEqual(["$[0]", "$[1]"]);
  });

  it("checks formats", () => {
    const schema = { type: "object", properties: { email: { type: "string", format: "email" }, at: { type: "string", format: "date-time" } } };
    expect(validateJson(schema, { email: "a@b.co", at: "2026-05-19T10:00:00Z" }).ok).toBe(true);
    expect(validateJson(schema, { email: "nope", at: "yesterday" })).toMatchObject({ ok: false, errorCount: 2 });
  });
});

describe("validateJson errors", () => {
  it("points required and additionalProperties errors at the property", () => {
    const schema = { type: "object", required: ["summary"], properties: { summary: { type: "string" } }, additionalProperties: false };
    const result = validateJson(schema, { extra: 1 });
    expect(result).toMatchObject({
      ok: false,
      errors: [
        { path: "$.summary", keyword: "required", message: "must have required property 'summary'" },
        { path: "$.extra", keyword: "additionalProperties", message: "must NOT have additional properties" },
      ],
    });
  });

  it("lists at most 8 errors and counts them all", () => {
    const schema = { type: "array", items: { type: "string" } };
    const result = validateJson(
      schema,
      Array.from({ length: 20 }, (_, i) => i),
    );
    if (result.ok || result.reason !== "schema_mismatch") throw new Error("expected a mismatch");
    expect(result.errors).toHaveLength(MAX_VALIDATION_ERRORS);
    expect(result.errorCount).toBe(20);
    expect(result.errors[7]).toEqual({ path: "$[7]", message: "must be string", keyword: "type" });
  });

  it("returns an invalid schema as a result", () => {
    const result = validateJson({ type: "nope" }, {});
    expect(result).toMatchObject({ ok: false, reason: "invalid_schema" });
    expect(validateJson({ $ref: "#/definitions/missing" }, {})).toMatchObject({ ok: false, reason: "invalid_schema" });
  });
});

describe("compileSchema cache", () => {
  it("reuses a validator for the same object and for an equal schema", () => {
    const a = compileSchema({ type: "object", properties: { n: { type: "integer" } } });
    const b = compileSchema({ type: "object", properties: { n: { type: "integer" } } });
    if (!a.ok || !b.ok) throw new Error("expected compiled schemas");
    expect(b.validate).toBe(a.validate);
  });

  it("keeps two different schemas with the same $id apart", () => {
    const first = validateJson({ $id: "https://example.com/s", type: "string" }, "x");
    const second = validateJson({ $id: "https://example.com/s", type: "number" }, "x");
    expect(first.ok).toBe(true);
    expect(second).toMatchObject({ ok: false, reason: "schema_mismatch" });
  });

  it("resolves a schema's reference to its own root", () => {
    const schema = { $id: "http://example.com/tree.json#", type: "object", properties: { child: { $ref: "http://example.com/tree.json#" }, v: { type: "integer" } } };
    expect(validateJson(schema, { v: 1, child: { v: 2 } }).ok).toBe(true);
    expect(validateJson(schema, { v: 1, child: { v: "2" } }).ok).toBe(false);
  });
});
