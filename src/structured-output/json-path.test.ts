import { describe, expect, it } from "vitest";
import { formatJsonPath, parseJsonPointer } from "./json-path.js";

describe("formatJsonPath", () => {
  it("roots at $ and uses dots for identifiers, brackets otherwise", () => {
    expect(formatJsonPath([])).toBe("$");
    expect(formatJsonPath(["items", 0, "name"])).toBe("$.items[0].name");
    expect(formatJsonPath(["risk level", "a.b"])).toBe('$["risk level"]["a.b"]');
  });
});

describe("parseJsonPointer", () => {
  it("splits and unescapes RFC 6901 pointers", () => {
    expect(parseJsonPointer("")).toEqual([]);
    expect(parseJsonPointer("/items/10/a~1b/c~0d")).toEqual(["items", 10, "a/b", "c~d"]);
    expect(parseJsonPointer("/01")).toEqual(["01"]);
  });
});
