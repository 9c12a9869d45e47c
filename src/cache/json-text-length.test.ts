import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { jsonCopy, NOT_PLAIN } from "./json-copy.js";
import { jsonTextLength } from "./json-text-length.js";

describe("jsonTextLength", () => {
  it("is the JSON text's length exactly when no string needs an escape, and less otherwise, for any value jsonCopy accepts", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const copy = jsonCopy(value);
        if (copy === NOT_PLAIN) return true;
        const text = JSON.stringify(value);
        if (text.includes("\\")) expect(jsonTextLength(copy)).toBeLessThan(text.length);
        else expect(jsonTextLength(copy)).toBe(text.length);
        return true;
      }),
    );
  });

  it("counts numbers, empty containers, skipped properties and non-ASCII text as the text does", () => {
    const values: unknown[] = [
      0,
      -7,
      9,
      10,
      1e21,
      2 ** 53,
      Number.MAX_SAFE_INTEGER,
      -Number.MAX_SAFE_INTEGER,
      999_999_999_999_999,
      1_000_000,
      0.1,
      -1.5e-7,
      [],
      {},
      [[], {}],
      { a: undefined, b: { c: undefined } },
      { é: "日本語 🙂" },
      [true, false, null],
    ];
    for (const value of values) expect(jsonTextLength(value)).toBe(JSON.stringify(value).length);
  });

  it("counts an escaped character as one", () => {
    const value = { q: 'a"b\\c\n' };
    expect(jsonTextLength(value)).toBe(JSON.stringify(value).length - 3);
  });
});
