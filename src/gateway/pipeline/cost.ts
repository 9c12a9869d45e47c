// Request cost from an offer's per-million-token prices.
import type { TokenUsage } from "../../providers/types.js";

export interface Cost {
  currency: "USD";
  input: number;
  output: number;
  total: number;
}

/** Rounds to 1e-9 USD so sums stay stable across platforms and reports stay byte-identical. */
const round = (usd: number): number => Math.round(usd * 1e9) / 1e9;

/**
 * @example
 * costOf({ inputTokens: 1000, outputTokens: 500 }, { input: 0.2, output: 1.25 }); // total 0.000825
 */
export function costOf(usage: TokenUsage, price: { input: number; output: number }): Cost {
  const input = round((usage.inputTokens * price.input) / 1e6);
  const output = round((usage.outputTokens * price.output) / 1e6);
  return { currency: "USD", input, output, total: round(input + output) };
}

export const ZERO_COST: Cost = { currency: "USD", input: 0, output: 0, total: 0 };
