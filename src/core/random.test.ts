import { describe, expect, it } from "vitest";
import fc from "fast-check";
import seedrandom from "seedrandom";
import { alea, createRandom, createRandomFactory } from "./random.js";

describe("createRandom", () => {
  it("gives the same draws for the same seed and scope", () => {
    const a = createRandom("s", "provider:openai", "latency");
    const b = createRandom("s", "provider:openai", "latency");
    expect(Array.from({ length: 5 }, () => a.next())).toEqual(Array.from({ length: 5 }, () => b.next()));
  });

  it("keeps streams independent: another scope or seed draws differently", () => {
    const base = createRandom("s", "provider:openai", "latency").next();
    expect(createRandom("s", "provider:openai", "errors").next()).not.toBe(base);
    expect(createRandom("t", "provider:openai", "latency").next()).not.toBe(base);
  });

  it("does not let a scope boundary collide ('a','bc' vs 'ab','c')", () => {
    const random = createRandomFactory("s");
    expect(random("a", "bc").next()).not.toBe(random("ab", "c").next());
  });

  it("draws a standard normal with mean ≈ 0 and sd ≈ 1", () => {
    const rng = createRandom("normal");
    const xs = Array.from({ length: 20_000 }, () => rng.normal());
    const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
    const sd = Math.sqrt(xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length);
    expect(Math.abs(mean)).toBeLessThan(0.03);
    expect(Math.abs(sd - 1)).toBeLessThan(0.03);
  });

  it("draws exactly what seedrandom's alea draws for the same seed", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 80 }), (seed) => {
        const ours = alea(seed);
        const theirs = seedrandom.alea(seed);
        for (let i = 0; i < 200; i++) expect(ours()).toBe(theirs());
      }),
    );
    const ours = alea("bench\u001frequest\u001fG-0123456789abcdef01234567\u001frouting");
    const theirs = seedrandom.alea("bench\u001frequest\u001fG-0123456789abcdef01234567\u001frouting");
    for (let i = 0; i < 100_000; i++) expect(ours()).toBe(theirs());
  });

  it("matches seedrandom on long seeds of the largest code units, where Mash's state runs highest", () => {
    // Mash writes Math.floor where seedrandom writes `>>> 0`: equal only while its state stays below 2^32 + 2^28.
    const seeds = ["\uffff".repeat(5000), "\ud800\udfff".repeat(2000), Array.from({ length: 3000 }, (_, i) => String.fromCharCode(0xffff - ((i * 7919) % 4096))).join("")];
    for (const seed of seeds) {
      const ours = alea(seed);
      const theirs = seedrandom.alea(seed);
      for (let i = 0; i < 1000; i++) expect(ours()).toBe(theirs());
    }
  });
});

describe("createRandomFactory", () => {
  it("draws what createRandom and seedrandom draw for the seed and scope joined by U+001F", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.array(fc.string({ maxLength: 12 }), { maxLength: 4 }), (seed, scope) => {
        const fromFactory = createRandomFactory(seed)(...scope);
        const direct = createRandom(seed, ...scope);
        const reference = seedrandom.alea([seed, ...scope].join("\u001f"));
        for (let i = 0; i < 20; i++) {
          const expected = reference();
          expect(fromFactory.next()).toBe(expected);
          expect(direct.next()).toBe(expected);
        }
      }),
    );
  });
});
