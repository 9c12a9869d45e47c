import { describe, expect, it } from "vitest";
import { parseByteSize } from "./byte-size.js";

describe("parseByteSize", () => {
  it("reads body-parser's notation, 1024-based, in any case", () => {
    expect(parseByteSize("1mb")).toBe(1_048_576);
    expect(parseByteSize("1kb")).toBe(1024);
    expect(parseByteSize("1.5KB")).toBe(1536);
    expect(parseByteSize("512")).toBe(512);
    expect(parseByteSize("512b")).toBe(512);
    expect(parseByteSize("2 gb")).toBe(2 * 2 ** 30);
    expect(parseByteSize(" 3MB ")).toBe(3 * 2 ** 20);
  });

  it("reads the IEC spellings as the same values, so 8MiB is 8 MiB and not 8 bytes", () => {
    expect(parseByteSize("8MiB")).toBe(8 * 2 ** 20);
    expect(parseByteSize("512KiB")).toBe(512 * 1024);
    expect(parseByteSize("1gib")).toBe(2 ** 30);
    expect(parseByteSize("8MiB")).toBe(parseByteSize("8mb"));
  });

  it("takes a number as bytes, rounded down", () => {
    expect(parseByteSize(65_536)).toBe(65_536);
    expect(parseByteSize(1.9)).toBe(1);
    expect(parseByteSize("0.5kb")).toBe(512);
  });

  it("says when it cannot read a size, so the caller can name the option and refuse it", () => {
    for (const bad of ["lots", "1tb", "8 TiB", "-1", "-1kb", "0", "0.4", "", "kb", "1e3", "1,000", "1 k b"]) expect(parseByteSize(bad), bad).toBeUndefined();
    for (const bad of [0, -5, 0.5, Number.NaN, Number.POSITIVE_INFINITY, 2 ** 60]) expect(parseByteSize(bad), String(bad)).toBeUndefined();
    expect(parseByteSize("99999999999gb")).toBeUndefined();
  });
});
