// Usage records as replay reads them, for the replay tests: an answered request of `model` whose
// routing ranked `ranked` (provider → balanced priceScore, the normalised 1/cost² weight) and billed the first one.
import type { RoutingDiagnostics, UsageRecord } from "../gateway/types.js";
import { scoreFactorsFixture } from "../gateway/routing/routing-diagnostics.fixture.js";
import { usageRecord } from "../gateway/usage/usage-record-fixture.js";
import { type ReplayRecord, replayRecordSchema } from "./read-usage-log.js";

/**
 * @example
 * replayRecord({ model: "google/gemini-3.1-flash-lite", ranked: { "google-vertex": 1 }, tokens: [16, 32], costUsd: 0.0000108 });
 */
export function replayRecord(options: { model: string; ranked: Record<string, number>; tokens: [number, number]; costUsd: number; overrides?: Partial<UsageRecord> }): ReplayRecord {
  const providers = Object.keys(options.ranked);
  const diagnostics: RoutingDiagnostics = {
    model: options.model,
    strategy: "balanced_sort",
    routingMode: "balanced",
    priority: "default",
    sort: undefined,
    filterStages: [],
    consideredProviders: providers,
    rankedProviders: providers.map((provider, i) => ({
      provider,
      rank: i + 1,
      score: options.ranked[provider] ?? 0,
      // Balanced mode's priceScore is the normalised 1/cost² weight (routing.ts:1313-1315).
      scoreFactors: scoreFactorsFixture({ priceScore: options.ranked[provider] ?? 0 }),
      breaker: "closed",
      breakerUntilMs: 0,
      placedBy: "sort",
    })),
    warnings: [],
    finalCandidateCount: providers.length,
  };
  const [input, output] = options.tokens;
  const selected = providers[0] ?? null;
  return replayRecordSchema.parse(
    usageRecord({
      model: options.model,
      selected_provider: selected,
      usage: { input_tokens: input, output_tokens: output, total_tokens: input + output },
      cost_usd: options.costUsd,
      attempts: selected ? [{ attempt: 1, provider: selected, outcome: "success", status: 200, duration_ms: 400 }] : [],
      routing_diagnostics: diagnostics,
      ...options.overrides,
    }),
  );
}
