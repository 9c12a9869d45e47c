import { describe, expect, it } from "vitest";
import { createRandomFactory } from "../core/random.js";
import { canonicalJson } from "./canonical-json.js";

/** The plain definition: keys by Array.prototype.sort at every depth. */
function referenceCanonical(value: unknown): string {
  if (value === null || typeof value !== "object") return JSON.stringify(value) ?? "null";
  if (Array.isArray(value)) return `[${value.map((item) => (item === undefined ? "null" : referenceCanonical(item))).join(",")}]`;
  const record = value as Record<string, unknown>;
  const parts = Object.keys(record)
    .sort()
    .filter((key) => record[key] !== undefined)
    .map((key) => `${JSON.stringify(key)}:${referenceCanonical(record[key])}`);
  return `{${parts.join(",")}}`;
}

describe("canonicalJson", () => {
  it("sorts keys at every depth and keeps array order", () => {
    expect(canonicalJson({ b: 1, a: { d: [2, 1], c: null } })).toBe('{"a":{"c":null,"d":[2,1]},"b":1}');
    expect(canonicalJson({ x: [{ z: 1, y: 2 }] })).toBe(canonicalJson({ x: [{ y: 2, z: 1 }] }));
  });

  it("matches JSON.stringify for undefined and non-finite values", () => {
    const value = { a: undefined, b: [undefined, Number.NaN], c: "é\n" };
    expect(canonicalJson(value)).toBe(JSON.stringify(value));
  });

  it("orders keys exactly as Array.prototype.sort does, for short and long key lists", () => {
    const draw = createRandomFactory("canonical-json-test")("test", "keys");
    const random = (): number => draw.next();
    // Integer-like keys (which Object.keys lists first), case, accents, astral characters, prefixes.
    const alphabet = ["a", "B", "b", "_", "0", "9", "10", "é", "Z", "\u{1F600}", "aa", "-", " "];
    for (let round = 0; round < 300; round++) {
      const size = Math.floor(random() * 40);
      const record: Record<string, unknown> = {};
      for (let i = 0; i < size; i++) {
        let key = "";
        const length = 1 + Math.floor(random() * 4);
        for (let c = 0; c < length; c++) key += alphabet[Math.floor(random() * alphabet.length)];
        record[key] = random() < 0.2 ? { [key]: i, a: [i, { z: 1, y: key }] } : i;
      }
      expect(canonicalJson(record)).toBe(referenceCanonical(record));
    }
  });
});
