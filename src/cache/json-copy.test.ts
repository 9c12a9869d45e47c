import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonCopy, jsonCopyMeasured, MAX_NUMBER_TEXT_LENGTH, NOT_PLAIN } from "./json-copy.js";

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

describe("jsonCopyMeasured", () => {
  it("is the JSON text's length, each fraction counted at the longest number text, exactly when no string needs an escape and less otherwise", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const measured = jsonCopyMeasured(value);
        if (measured === NOT_PLAIN) return jsonCopy(value) === NOT_PLAIN;
        expect(measured.value).toStrictEqual(jsonCopy(value));
        const copy = measured.value;
        const text = JSON.stringify(value);
        const overCount = numbersIn(copy)
          .filter((n) => !Number.isSafeInteger(n))
          .reduce((sum, n) => sum + MAX_NUMBER_TEXT_LENGTH - JSON.stringify(n).length, 0);
        if (text.includes("\\")) expect(measured.textLength).toBeLessThan(text.length + overCount);
        else expect(measured.textLength).toBe(text.length + overCount);
        return true;
      }),
    );
  });

  it("counts integers, empty containers, skipped properties and non-ASCII text as the text does", () => {
    const values: unknown[] = [
      0,
      -7,
      9,
      10,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      999_999_999_999_999,
      1_000_000,
      1767225600,
      [],
      {},
      [[], {}],
      { a: undefined, b: { c: undefined } },
      { é: "日本語 🙂" },
      [true, false, null],
    ];
    for (const value of values) expect(lengthOf(value)).toBe(JSON.stringify(value).length);
  });

  it("counts any other number as the longest number text, never less than its own", () => {
    for (const value of [0.5, -1.5e-7, 5.0000000000000004e-8, -0.0000012345678901234567, -1.2345678901234567e-308, 1e21, 2 ** 53, -Number.MAX_VALUE]) {
      expect(lengthOf(value)).toBe(MAX_NUMBER_TEXT_LENGTH);
      expect(JSON.stringify(value).length).toBeLessThanOrEqual(MAX_NUMBER_TEXT_LENGTH);
    }
    expect(JSON.stringify(-0.0000012345678901234567)).toHaveLength(MAX_NUMBER_TEXT_LENGTH);
  });

  it("refuses what jsonCopy refuses", () => {
    expect(jsonCopyMeasured({ at: new Date(0) })).toBe(NOT_PLAIN);
  });

  it("counts an escaped character as one", () => {
    const value = { q: 'a"b\\c\n' };
    expect(lengthOf(value)).toBe(JSON.stringify(value).length - 3);
  });
});

const lengthOf = (value: unknown): number | typeof NOT_PLAIN => {
  const measured = jsonCopyMeasured(value);
  return measured === NOT_PLAIN ? NOT_PLAIN : measured.textLength;
};

function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap(numbersIn);
}

function containsNegativeZero(value: unknown): boolean {
  if (Object.is(value, -0)) return true;
  if (typeof value !== "object" || value === null) return false;
  return Object.values(value).some(containsNegativeZero);
}
