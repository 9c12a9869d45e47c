import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { loadSchema } from "../schema/traffic.js";
import { arrivalOffsets, expectedCount } from "./arrivals.js";

const load = (input: Record<string, unknown>) => loadSchema.parse({ name: "bg", duration: "10s", templates: [{ body: { input: "x" } }], ...input });

describe("arrivalOffsets", () => {
  it("spaces a constant count evenly from the start", () => {
    expect([...arrivalOffsets(load({ count: 4, start: "1s" }), createRandom("s"))]).toEqual([1000, 3500, 6000, 8500]);
  });

  it("sends a constant rate every 1/rate seconds within the duration", () => {
    const offsets = [...arrivalOffsets(load({ rate: 2 }), createRandom("s"))];
    expect(offsets).toHaveLength(20);
    expect(offsets.slice(0, 3)).toEqual([0, 500, 1000]);
  });

  it("draws a Poisson count as exactly `count` sorted times inside the window", () => {
    const offsets = [...arrivalOffsets(load({ count: 500, arrivals: "poisson" }), createRandom("s"))];
    expect(offsets).toHaveLength(500);
    expect(offsets.every((t, i) => t >= 0 && t < 10_000 && (i === 0 || t >= (offsets[i - 1] as number)))).toBe(true);
    // Roughly uniform: about half in the first half.
    expect(offsets.filter((t) => t < 5000).length).toBeGreaterThan(200);
    expect(offsets.filter((t) => t < 5000).length).toBeLessThan(300);
  });

  it("draws a Poisson rate with the expected mean and the same times for the same seed", () => {
    const a = [...arrivalOffsets(load({ rate: 50, duration: "100s", arrivals: "poisson" }), createRandom("s"))];
    const b = [...arrivalOffsets(load({ rate: 50, duration: "100s", arrivals: "poisson" }), createRandom("s"))];
    const c = [...arrivalOffsets(load({ rate: 50, duration: "100s", arrivals: "poisson" }), createRandom("t"))];
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(a.length).toBeGreaterThan(4700);
    expect(a.length).toBeLessThan(5300);
    expect(expectedCount(load({ rate: 50, duration: "100s" }))).toBe(5000);
  });
});
