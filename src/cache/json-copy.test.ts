import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonCopy, NOT_PLAIN } from "./json-copy.js";

const roundTrip = (value: unknown): unknown => JSON.parse(JSON.stringify(value)) as unknown;

describe("jsonCopy", () => {
  it("equals the JSON round trip for any JSON value, key order included, and shares nothing", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = jsonCopy(value);
        if (copy === NOT_PLAIN) return Object.is(value, -0) || JSON.stringify(value).includes("__proto__") || containsNegativeZero(value);
        expect(JSON.stringify(copy)).toBe(JSON.stringify(roundTrip(value)));
        expect(copy).toStrictEqual(roundTrip(value));
        if (typeof value === "object" && value !== null) expect(copy).not.toBe(value);
        return true;
      }),
    );
  });

  it("drops undefined properties as JSON does", () => {
    expect(jsonCopy({ a: 1, b: undefined, c: { d: undefined } })).toStrictEqual({ a: 1, c: {} });
  });

  it("refuses what the JSON text would change", () => {
    for (const value of [Number.NaN, Infinity, -0, [1, undefined], { at: new Date(0) }, { toJSON: () => 1 }, [() => 1], { f: Symbol("s") }, 1n, JSON.parse('{"__proto__":1}')]) {
      expect(jsonCopy(value)).toBe(NOT_PLAIN);
    }
    // A hole reads as undefined: the text would say null.
    expect(jsonCopy(new Array(2))).toBe(NOT_PLAIN);
  });
});

function containsNegativeZero(value: unknown): boolean {
  if (Object.is(value, -0)) return true;
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some(containsNegativeZero);
}
