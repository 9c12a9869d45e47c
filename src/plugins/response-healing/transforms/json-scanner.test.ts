import { describe, expect, it } from "vitest";
import { forEachCodeChar, matchingCloser, onlyBrackets } from "./json-scanner.js";

describe("forEachCodeChar", () => {
  it("skips string contents, escaped quotes included", () => {
    const seen: string[] = [];
    const result = forEachCodeChar('{"a\\",}": [1,]}', (char) => void seen.push(char));
    expect(seen.join("")).toBe('{"": [1,]}');
    expect(result.endsInString).toBe(false);
  });

  it("reports a text that ends inside a string", () => {
    expect(forEachCodeChar('{"a": "unfinished', () => undefined).endsInString).toBe(true);
  });
});

describe("matchingCloser", () => {
  it("finds the closer, ignoring brackets in strings", () => {
    expect(matchingCloser('x {"a": "}"} y', 2)).toBe(11);
    expect(matchingCloser("[[1], [2]]", 0)).toBe(9);
  });

  it("returns -1 when the text ends first or a closer mismatches", () => {
    expect(matchingCloser('{"a": [1', 0)).toBe(-1);
    expect(matchingCloser('{"a": [1}', 0)).toBe(-1);
  });
});

describe("onlyBrackets", () => {
  it("is true only for texts without any value", () => {
    expect(onlyBrackets("[ {")).toBe(true);
    expect(onlyBrackets("[1")).toBe(false);
  });
});
