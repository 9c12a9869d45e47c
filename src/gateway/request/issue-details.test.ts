import { describe, expect, it } from "vitest";
import { z } from "zod";
import { issuesToDetails } from "./issue-details.js";

function detailsOf(schema: z.ZodType, value: unknown) {
  const parsed = schema.safeParse(value, { reportInput: true });
  if (parsed.success) throw new Error("expected failure");
  return issuesToDetails(parsed.error.issues);
}

describe("issuesToDetails", () => {
  const schema = z.strictObject({
    list: z.union([z.string(), z.array(z.strictObject({ n: z.number().min(1) }))]),
    name: z.string(),
    kind: z.enum(["a", "b"]),
  });

  it("follows the union branch whose type matched, keeping the inner path", () => {
    expect(detailsOf(schema, { list: [{ n: 1 }, { n: 0 }], name: "x", kind: "a" })).toEqual([{ path: "list[1].n", keyword: "minimum", message: "must be >= 1 (got 0)" }]);
  });

  it("says which types a union wanted when no branch matched", () => {
    expect(detailsOf(schema, { list: true, name: "x", kind: "a" })).toEqual([{ path: "list", keyword: "type", message: "expected string or array, got boolean" }]);
  });

  it("marks missing fields as required, wrong enums and unknown keys by keyword", () => {
    expect(detailsOf(schema, { list: "x", kind: "c", extra: 1, other: 2 })).toEqual([
      { path: "name", keyword: "required", message: "required" },
      { path: "kind", keyword: "enum", message: 'expected one of "a", "b", got "c"' },
      { path: "extra", keyword: "unknown_parameter", message: 'unknown parameter "extra"' },
      { path: "other", keyword: "unknown_parameter", message: 'unknown parameter "other"' },
    ]);
  });

  it("takes the keyword of a custom issue from its params", () => {
    const custom = z.string().superRefine((_v, ctx) => ctx.addIssue({ code: "custom", message: "nope", params: { keyword: "my_rule" } }));
    expect(detailsOf(custom, "x")).toEqual([{ path: "", keyword: "my_rule", message: "nope" }]);
  });
});
