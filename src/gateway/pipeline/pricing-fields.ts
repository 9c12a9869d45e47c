// The reference's pricing fields (pipeline/after/payload.ts:471-550; pricing/engine.ts:798-886):
// `usage.pricing_breakdown` and the top-level `cost_nanos`, `cost_cents`, `currency`, `pricing_lines`.
import type { TokenUsage } from "../../providers/types.js";
import type { Cost } from "./cost.js";

export interface PricingLine {
  dimension: "input_text_tokens" | "output_text_tokens";
  quantity: number;
  billable_units: number;
  unit_size: number;
  unit_price_usd: number;
  line_cost_usd: number;
  line_nanos: number;
  bill_mode: "all";
}

export interface PricingBreakdown {
  total_nanos: number;
  total_usd_str: string;
  /** Floored, as the engine does (engine.ts:864). */
  total_cents: number;
  currency: string;
  lines: PricingLine[];
}

const nanos = (usd: number): number => Math.round(usd * 1e9);

/**
 * @example
 * pricingOf({ inputTokens: 1000, outputTokens: 500 }, { input: 0.2, output: 1.25 }, costOf(...)).breakdown.total_nanos; // 825000
 */
export function pricingOf(usage: TokenUsage, price: { input: number; output: number } | undefined, cost: Cost): { breakdown: PricingBreakdown } {
  const total = nanos(cost.total);
  const lines: PricingLine[] = [];
  if (price !== undefined) {
    lines.push(line("input_text_tokens", usage.inputTokens, price.input, cost.input));
    lines.push(line("output_text_tokens", usage.outputTokens, price.output, cost.output));
  }
  return {
    breakdown: { total_nanos: total, total_usd_str: String(Number((total / 1e9).toFixed(9))), total_cents: Math.trunc(total / 10_000_000), currency: cost.currency, lines },
  };
}

function line(dimension: PricingLine["dimension"], quantity: number, perMillion: number, costUsd: number): PricingLine {
  return { dimension, quantity, billable_units: quantity, unit_size: 1, unit_price_usd: perMillion / 1e6, line_cost_usd: costUsd, line_nanos: nanos(costUsd), bill_mode: "all" };
}
