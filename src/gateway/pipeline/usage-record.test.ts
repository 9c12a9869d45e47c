import { describe, expect, it } from "vitest";
import { isoTime } from "./usage-record.js";

describe("isoTime", () => {
  it("is new Date(at).toISOString() for every time, repeated or not, in any order", () => {
    const times = [0, 0, 1_779_148_800_123, 1_779_148_800_123, 1_779_148_800_124, 0, -1, 1_779_148_800_123, 8.64e15];
    for (const at of times) expect(isoTime(at)).toBe(new Date(at).toISOString());
  });

  it("throws as toISOString does for a time that is not one, also right after a valid one", () => {
    expect(isoTime(5)).toBe("1970-01-01T00:00:00.005Z");
    expect(() => isoTime(Number.NaN)).toThrow(RangeError);
    expect(() => isoTime(8.64e15 + 1)).toThrow(RangeError);
    expect(isoTime(5)).toBe("1970-01-01T00:00:00.005Z");
  });
});
