import { describe, expect, it } from "vitest";
import { coerceToSchema } from "./coerce-to-schema.js";

const schema = {
  type: "object",
  required: ["n", "flag", "level"],
  properties: {
    n: { type: "integer" },
    x: { type: "number" },
    flag: { type: "boolean" },
    level: { enum: ["low", "medium", "high"] },
    nested: { type: "object", properties: { a: { type: "integer" } }, additionalProperties: false },
    list: { type: "array", items: { type: "string" } },
    open: { type: "object", additionalProperties: { type: "string" } },
  },
  additionalProperties: false,
};

describe("coerceToSchema", () => {
  it("turns numeric and boolean strings into numbers and booleans where wanted", () => {
    expect(coerceToSchema(schema, { n: "3", x: "-1.5e2", flag: "TRUE", level: "low" })).toEqual({
      ok: true,
      value: { n: 3, x: -150, flag: true, level: "low" },
      coercions: ["coerce_numeric_string", "coerce_boolean_string"],
    });
  });

  it("does not coerce a non-integer string to an integer, nor a loose number", () => {
    expect(coerceToSchema(schema, { n: "3.5", flag: true, level: "low" })).toEqual({ ok: false });
    expect(coerceToSchema(schema, { n: " 3", flag: true, level: "low" })).toEqual({ ok: false });
  });

  it("matches an enum case-insensitively only when the match is unique", () => {
    expect(coerceToSchema(schema, { n: 1, flag: true, level: "High" })).toMatchObject({ ok: true, value: { level: "high" }, coercions: ["coerce_enum_case"] });
    expect(coerceToSchema({ enum: ["ab", "AB"] }, "Ab")).toEqual({ ok: false });
  });

  it("unwraps stringified JSON where an object or array is wanted", () => {
    expect(coerceToSchema(schema, { n: 1, flag: true, level: "low", nested: '{"a": 2}', list: '["x"]' })).toMatchObject({
      ok: true,
      value: { nested: { a: 2 }, list: ["x"] },
      coercions: ["unwrap_stringified_json"],
    });
  });

  it("drops properties only where additionalProperties is false", () => {
    expect(coerceToSchema(schema, { n: 1, flag: true, level: "low", nested: { a: 1, b: 2 }, extra: 1 })).toEqual({
      ok: true,
      value: { n: 1, flag: true, level: "low", nested: { a: 1 } },
      coercions: ["drop_additional_property"],
    });
    // `open` allows extra string properties: a wrong-typed one is not dropped.
    expect(coerceToSchema(schema, { n: 1, flag: true, level: "low", open: { k: 5 } })).toEqual({ ok: false });
  });

  it("drops only the property no anyOf branch accepts", () => {
    const branches = {
      anyOf: [
        { type: "object", properties: { a: {}, b: {}, c: {} }, additionalProperties: false },
        { type: "object", properties: { a: {} }, additionalProperties: false },
      ],
    };
    expect(coerceToSchema(branches, { a: 1, b: 2, c: 3, extra: 4 })).toEqual({ ok: true, value: { a: 1, b: 2, c: 3 }, coercions: ["drop_additional_property"] });
  });

  it("never invents a missing required value", () => {
    expect(coerceToSchema(schema, { n: 1, flag: true })).toEqual({ ok: false });
  });

  it("does not modify its input", () => {
    const value = { n: "1", flag: true, level: "low" };
    coerceToSchema(schema, value);
    expect(value.n).toBe("1");
  });
});
