import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonCopy, NOT_PLAIN } from "./json-copy.js";
import { jsonTextLength, MAX_NUMBER_TEXT_LENGTH } from "./json-text-length.js";

describe("jsonTextLength", () => {
  it("is the JSON text's length, each fraction counted at the longest number text, exactly when no string needs an escape and less otherwise", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = jsonCopy(value);
        if (copy === NOT_PLAIN) return true;
        const text = JSON.stringify(value);
        const overCount = numbersIn(copy)
          .filter((n) => !Number.isSafeInteger(n))
          .reduce((sum, n) => sum + MAX_NUMBER_TEXT_LENGTH - JSON.stringify(n).length, 0);
        if (text.includes("\\")) expect(jsonTextLength(copy)).toBeLessThan(text.length + overCount);
        else expect(jsonTextLength(copy)).toBe(text.length + overCount);
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
    for (const value of values) expect(jsonTextLength(value)).toBe(JSON.stringify(value).length);
  });

  it("counts any other number as the longest number text, never less than its own", () => {
    for (const value of [0.5, -1.5e-7, 5.0000000000000004e-8, -0.0000012345678901234567, -1.2345678901234567e-308, 1e21, 2 ** 53, -Number.MAX_VALUE]) {
      expect(jsonTextLength(value)).toBe(MAX_NUMBER_TEXT_LENGTH);
      expect(JSON.stringify(value).length).toBeLessThanOrEqual(MAX_NUMBER_TEXT_LENGTH);
    }
    expect(JSON.stringify(-0.0000012345678901234567)).toHaveLength(MAX_NUMBER_TEXT_LENGTH);
  });

  it("counts an escaped character as one", () => {
    const value = { q: 'a"b\\c\n' };
    expect(jsonTextLength(value)).toBe(JSON.stringify(value).length - 3);
  });
});

function numbersIn(value: unknown): number[] {
  if (typeof value === "number") return [value];
  if (typeof value !== "object" || value === null) return [];
  return Object.values(value).flatMap(numbersIn);
}
