// roundDiagnostic's arithmetic fast path must give exactly Number(value.toFixed(6)) (reports are compared byte for byte).
import { describe, expect, it } from "vitest";
import { createRandom } from "../../core/random.js";
import { roundDiagnostic } from "./score.js";

const viaString = (value: number): number => (Number.isFinite(value) ? Number(value.toFixed(6)) : 0);

describe("roundDiagnostic", () => {
  it("equals Number(toFixed(6)) on 200,000 seeded values across magnitudes and signs", () => {
    const random = createRandom("round-diagnostic-test", "values");
    const mismatches: number[] = [];
    for (let i = 0; i < 200_000; i++) {
      const magnitude = 10 ** Math.floor(random.next() * 16 - 8);
      const value = (random.next() - 0.3) * magnitude;
      if (!Object.is(roundDiagnostic(value), viaString(value))) mismatches.push(value);
    }
    expect(mismatches).toEqual([]);
  });

  it("equals Number(toFixed(6)) on ties, near-ties, halves, huge and non-finite values", () => {
    const values = [
      0.0000005,
      0.0000015,
      0.0000025,
      1.0000005,
      2.5e-7,
      -0.0000005,
      -1.2345675,
      0.1234565,
      123456.7890125,
      999999999.9999995,
      1e9 + 0.1234567,
      1e21,
      -1e-9,
      0.5,
      1,
      0.3,
      2 / 3,
      Number.NaN,
      Infinity,
      -Infinity,
    ];
    for (const value of values) expect(Object.is(roundDiagnostic(value), viaString(value)), String(value)).toBe(true);
  });

  it("equals Number(toFixed(6)) where the scaled value is about 1e-6 from a .5 tie, the fast path's edge", () => {
    const mismatches: number[] = [];
    for (const whole of [0, 1, 7, 499_999, 123_456_789, 999_999_998]) {
      for (const side of [-1, 1]) {
        for (let step = -40; step <= 40; step++) {
          const scaled = whole + 0.5 + side * (1e-6 + step * 1e-9);
          for (const value of [scaled / 1e6, -scaled / 1e6]) if (!Object.is(roundDiagnostic(value), viaString(value))) mismatches.push(value);
        }
      }
    }
    expect(mismatches).toEqual([]);
  });
});
