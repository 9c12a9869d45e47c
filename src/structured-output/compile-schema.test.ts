import { describe, expect, it } from "vitest";
import { compileSchema, MAX_SCHEMA_DEPTH } from "./compile-schema.js";

function nestedSchema(levels: number): Record<string, unknown> {
  let schema: Record<string, unknown> = { type: "string" };
  for (let i = 0; i < levels; i++) schema = { type: "object", properties: { a: schema } };
  return schema;
}

describe("compileSchema depth bound", () => {
  it("refuses a schema nested 5,000 levels as a result, without a stack overflow", () => {
    const compiled = compileSchema(nestedSchema(5_000));
    expect(compiled).toMatchObject({ ok: false, message: `the schema nests deeper than ${MAX_SCHEMA_DEPTH} levels` });
  });

  it("compiles a schema just within the bound", () => {
    // Each level is two containers deep (the schema and its `properties`).
    const compiled = compileSchema(nestedSchema(Math.floor(MAX_SCHEMA_DEPTH / 2) - 1));
    expect(compiled.ok).toBe(true);
  });
});
