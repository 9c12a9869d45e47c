import { describe, expect, it } from "vitest";
import { canonicalJson } from "./canonical-json.js";

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(canonicalJson({ x: [{ z: 1, y: 2 }] })).toBe(canonicalJson({ x: [{ y: 2, z: 1 }] }));
  });

  it("matches JSON.stringify for undefined and non-finite values", () => {
    const value = { a: undefined, b: [undefined, Number.NaN], c: "é\n" };
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });
});
