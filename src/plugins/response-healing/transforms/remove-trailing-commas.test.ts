import { describe, expect, it } from "vitest";
import { removeTrailingCommas } from "./remove-trailing-commas.js";

describe("removeTrailingCommas", () => {
  it("drops commas before closers, nested and with whitespace", () => {
    expect(removeTrailingCommas('{"a": [1, 2,], "b": {"c": 3,\n},\n}')).toBe('{"a": [1, 2], "b": {"c": 3\n}\n}');
  });

  it("never touches commas inside strings", () => {
    expect(removeTrailingCommas('{"a": "x,]", "b": "y,}", "c": "q\\",}",}')).toBe('{"a": "x,]", "b": "y,}", "c": "q\\",}"}');
  });

  it("drops a comma left dangling at the end of the text", () => {
    expect(removeTrailingCommas('{"a": [1, 2, ')).toBe('{"a": [1, 2 ');
  });

  it("keeps separating commas", () => {
    expect(removeTrailingCommas("[1, 2]")).toBe("[1, 2]");
  });
});
