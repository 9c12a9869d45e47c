import { describe, expect, it } from "vitest";
import { checkJsonBounds, DEFAULT_JSON_BOUNDS, jsonDepth } from "./json-bounds.js";

function nested(levels: number): unknown {
  let value: unknown = "leaf";
  for (let i = 0; i < levels; i++) value = { a: value };
  return value;
}

describe("checkJsonBounds", () => {
  it("accepts a value within every bound", () => {
    expect(checkJsonBounds({ model: "m", input: [{ role: "user", content: "hi" }], metadata: { k: "v" } })).toBeUndefined();
  });

  it("names the JSON path of the first node nested too deep, and the limit", () => {
    const breach = checkJsonBounds({ ok: 1, metadata: nested(5) }, { ...DEFAULT_JSON_BOUNDS, maxDepth: 3 });
    expect(breach).toEqual({ limit: "maxDepth", max: 3, path: "metadata.a.a", message: "nesting deeper than 3 levels" });
  });

  it("checks 100,000 levels without overflowing its own stack", () => {
    expect(checkJsonBounds(nested(100_000))?.limit).toBe("maxDepth");
  });

  it("bounds the keys of one object, the items of one array and the whole document", () => {
    const keys = Object.fromEntries(Array.from({ length: 6 }, (_, i) => [`k${i}`, i]));
    expect(checkJsonBounds({ metadata: keys }, { ...DEFAULT_JSON_BOUNDS, maxObjectKeys: 5 })).toMatchObject({ limit: "maxObjectKeys", path: "metadata" });
    expect(checkJsonBounds({ input: [[1, 2, 3]] }, { ...DEFAULT_JSON_BOUNDS, maxArrayItems: 2 })).toMatchObject({ limit: "maxArrayItems", path: "input[0]" });
    expect(checkJsonBounds({ a: [1, 2], b: [3, 4] }, { ...DEFAULT_JSON_BOUNDS, maxNodes: 5 })).toMatchObject({ limit: "maxNodes", path: "b[0]" });
  });

  it("reports 50,000 metadata keys with the defaults", () => {
    const metadata = Object.fromEntries(Array.from({ length: 50_000 }, (_, i) => [`k${i}`, "v"]));
    expect(checkJsonBounds({ metadata })).toMatchObject({ limit: "maxObjectKeys", path: "metadata", max: 1_000 });
  });
});

describe("jsonDepth", () => {
  it("counts containers only, and stops once past the cap", () => {
    expect(jsonDepth("x")).toBe(0);
    expect(jsonDepth({ a: [1, { b: {} }] })).toBe(4);
    expect(jsonDepth(nested(10_000), 10)).toBe(11);
  });
});
