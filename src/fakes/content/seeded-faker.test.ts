import type { Faker } from "@faker-js/faker";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { proseOfTokens } from "./prose.js";
import { arrayElementOf, createSeededFaker } from "./seeded-faker.js";

const twins = (): [Faker, Faker] => [createSeededFaker(createRandom("seeded-faker-test", "a")), createSeededFaker(createRandom("seeded-faker-test", "a"))];

describe("arrayElementOf", () => {
  it("draws what faker.helpers.arrayElement draws, element for element and stream position for position", () => {
    const [fast, slow] = twins();
    const pick = arrayElementOf(fast);
    const lists = Array.from({ length: 60 }, (_, n) => Array.from({ length: n + 1 }, (_, i) => `w${n}-${i}`));
    for (let i = 0; i < 20_000; i++) {
      const list = lists[i % lists.length] as string[];
      expect(pick(list)).toBe(slow.helpers.arrayElement(list));
      // Other draws in between stay in step: the same number of values was taken from each stream.
      if (i % 97 === 0) expect(fast.number.int({ max: 1000 })).toBe(slow.number.int({ max: 1000 }));
    }
  });

  it("keeps faker's error for an empty list", () => {
    const [fast] = twins();
    expect(() => arrayElementOf(fast)([])).toThrow(/empty/);
  });
});

describe("proseOfTokens", () => {
  it("writes the text faker's own arrayElement would have written", () => {
    const [fast, slow] = twins();
    const words = slow.definitions.word;
    const pattern = ["adjective", "noun", "adverb", "verb", "preposition", "adjective", "noun"] as const;
    for (const tokens of [1, 7, 60, 300]) {
      const length = tokens * 4;
      let reference = "";
      while (reference.length < length) {
        let sentence = "";
        for (const part of pattern) sentence += `${slow.helpers.arrayElement(words[part])} `;
        reference += `${sentence.charAt(0).toUpperCase()}${sentence.slice(1, -1)}. `;
      }
      reference = reference.slice(0, length);
      if (reference.endsWith(" ")) reference = `${reference.slice(0, -1)}.`;
      expect(proseOfTokens(fast, tokens)).toBe(reference);
    }
  });
});
