import { describe, expect, it } from "vitest";
import { checkJsonBounds, DEFAULT_JSON_BOUNDS, FAST_WALK_DEPTH, type JsonBounds, jsonDepth } from "./json-bounds.js";

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
  it("passes a value nested past the fast walk's reach when maxDepth allows it, and still finds a breach beyond it", () => {
    const deep = { metadata: nested(FAST_WALK_DEPTH + 10) };
    expect(checkJsonBounds(deep, { ...DEFAULT_JSON_BOUNDS, maxDepth: FAST_WALK_DEPTH + 20 })).toBeUndefined();
    expect(checkJsonBounds(deep, { ...DEFAULT_JSON_BOUNDS, maxDepth: FAST_WALK_DEPTH + 5 })).toMatchObject({ limit: "maxDepth", max: FAST_WALK_DEPTH + 5 });
  });

  it("counts own keys only, as Object.keys lists them (inherited enumerable keys are not the value's)", () => {
    const inherited = Object.create({ a: 1, b: 2, c: 3 }) as Record<string, unknown>;
    inherited["own"] = "v";
    expect(checkJsonBounds({ x: inherited }, { ...DEFAULT_JSON_BOUNDS, maxObjectKeys: 1 })).toBeUndefined();
    inherited["second"] = "v";
    expect(checkJsonBounds({ x: inherited }, { ...DEFAULT_JSON_BOUNDS, maxObjectKeys: 1 })).toMatchObject({ limit: "maxObjectKeys", path: "x" });
  });

  it("finds the same first breach as a plain recursive reference on many generated values", () => {
    // A small seeded generator: the same values on every run.
    let seed = 7;
    const next = (n: number): number => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return Math.floor(seed / 65536) % n;
    };
    const make = (depth: number): unknown => {
      const kind = depth > 6 ? 0 : next(3);
      if (kind === 0) return next(2) === 0 ? "s" : next(10);
      if (kind === 1) return Array.from({ length: next(4) }, () => make(depth + 1));
      return Object.fromEntries(Array.from({ length: next(4) }, (_, i) => [`k${i}`, make(depth + 1)]));
    };
    let breaches = 0;
    for (let i = 0; i < 400; i++) {
      const value = make(1);
      const bounds: JsonBounds = { maxDepth: 1 + next(6), maxObjectKeys: 1 + next(3), maxArrayItems: 1 + next(3), maxNodes: 1 + next(40) };
      const expected = referenceBreach(value, bounds);
      if (expected !== undefined) breaches++;
      const got = checkJsonBounds(value, bounds);
      expect(got && { limit: got.limit, path: got.path }).toEqual(expected);
    }
    // Both outcomes were exercised.
    expect(breaches).toBeGreaterThan(50);
    expect(breaches).toBeLessThan(390);
  });
});

/** The bounds as a plain pre-order recursion: the document-order meaning checkJsonBounds must keep. */
function referenceBreach(value: unknown, bounds: JsonBounds): { limit: string; path: string } | undefined {
  let nodes = 0;
  const visit = (v: unknown, depth: number, path: string): { limit: string; path: string } | undefined => {
    nodes++;
    if (nodes > bounds.maxNodes) return { limit: "maxNodes", path };
    if (typeof v !== "object" || v === null) return undefined;
    if (depth > bounds.maxDepth) return { limit: "maxDepth", path };
    const entries: [string | number, unknown][] = Array.isArray(v) ? v.map((item, i) => [i, item]) : Object.entries(v);
    if (Array.isArray(v) && v.length > bounds.maxArrayItems) return { limit: "maxArrayItems", path };
    if (!Array.isArray(v) && entries.length > bounds.maxObjectKeys) return { limit: "maxObjectKeys", path };
    for (const [key, item] of entries) {
      const found = visit(item, depth + 1, typeof key === "number" ? `${path}[${key}]` : path === "" ? key : `${path}.${key}`);
      if (found) return found;
    }
    return undefined;
  };
  return visit(value, 1, "");
}

describe("jsonDepth", () => {
  it("counts containers only, and stops once past the cap", () => {
    expect(jsonDepth("x")).toBe(0);
    expect(jsonDepth({ a: [1, { b: {} }] })).toBe(4);
    expect(jsonDepth(nested(10_000), 10)).toBe(11);
  });
});
