import { describe, expect, it } from "vitest";
import { parseByteLimit } from "./byte-limit.js";

describe("parseByteLimit", () => {
  it("reads body-parser's notation, 1024-based", () => {
    expect(parseByteLimit("1mb")).toBe(1_048_576);
    expect(parseByteLimit("1kb")).toBe(1024);
    expect(parseByteLimit("1.5KB")).toBe(1536);
    expect(parseByteLimit("512")).toBe(512);
    expect(parseByteLimit("2 gb")).toBe(2 * 2 ** 30);
  });

  it("says when it cannot read a limit, so the caller falls back instead of guessing", () => {
    expect(parseByteLimit("lots")).toBeUndefined();
    expect(parseByteLimit("1tb")).toBeUndefined();
  });
});
