import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { stringForPattern } from "./pattern.js";

describe("stringForPattern", () => {
  const patterns = ["^[A-Z]{3}-\\d{4}$", "^(red|green|blue)$", "^[a-f0-9]{8}(-[a-f0-9]{4}){3}$", "^\\w+@\\w+\\.com$", "^[^0-9]{2,4}x?$", "^v\\d+\\.\\d+(\\.\\d+)?$"];
  for (const pattern of patterns) {
    it(`matches ${pattern}`, () => {
      const random = createRandom("p", pattern);
      for (let i = 0; i < 30; i++) expect(stringForPattern(pattern, random)).toMatch(new RegExp(pattern, "u"));
    });
  }

  it("gives up on patterns outside the subset instead of returning a wrong string", () => {
    expect(stringForPattern("^(a)\\1$", createRandom("p"))).toBeUndefined();
    expect(stringForPattern("([", createRandom("p"))).toBeUndefined();
  });
});
