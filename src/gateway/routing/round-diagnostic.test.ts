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
});
