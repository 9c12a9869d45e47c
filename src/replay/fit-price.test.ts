import { describe, expect, it } from "vitest";
import { explainsCosts, fitPrice, type BilledRequest } from "./fit-price.js";

/** Billed as the gateway bills: each part and the total rounded to 1e-9 USD. */
function billed(price: { input: number; output: number }, tokens: [number, number][]): BilledRequest[] {
  const round = (usd: number): number => Math.round(usd * 1e9) / 1e9;
  return tokens.map(([input, output]) => ({ input, output, costUsd: round(round((input * price.input) / 1e6) + round((output * price.output) / 1e6)) }));
}

const mix: [number, number][] = [
  [16, 32],
  [14, 25],
  [15, 38],
  [17, 20],
  [15, 31],
  [16, 40],
];

describe("fitPrice", () => {
  it("recovers a scenario's price override from billed costs, as short decimals", () => {
    const requests = billed({ input: 0.075, output: 0.3 }, mix);
    expect(fitPrice(requests, { input: 0.1, output: 0.4 })).toEqual({ price: { input: 0.075, output: 0.3 }, exact: true });
    expect(fitPrice(requests)).toEqual({ price: { input: 0.075, output: 0.3 }, exact: true });
  });

  it("keeps the catalog's price (the same object) when it explains every cost", () => {
    const reference = { input: 0.11, output: 0.44 };
    expect(fitPrice(billed(reference, mix), reference)?.price).toBe(reference);
  });

  it("scales the catalog's split when every request has the same input:output mix", () => {
    const requests = billed({ input: 0.2, output: 0.8 }, [
      [10, 20],
      [20, 40],
      [15, 30],
    ]);
    expect(fitPrice(requests, { input: 0.1, output: 0.4 })).toEqual({ price: { input: 0.2, output: 0.8 }, exact: true });
    expect(fitPrice(requests)).toBeUndefined();
  });

  it("says when no price explains the costs exactly (another meter billed too)", () => {
    const requests = billed({ input: 0.075, output: 0.3 }, mix).map((r, i) => ({ ...r, costUsd: r.costUsd + (i % 2) * 2e-6 }));
    const fit = fitPrice(requests, { input: 0.1, output: 0.4 });
    expect(fit?.exact).toBe(false);
    expect(explainsCosts(fit?.price ?? { input: 0, output: 0 }, requests)).toBe(false);
  });
});
