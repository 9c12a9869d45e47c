// Builds request outcomes for the expectation engine's unit tests: a successful, routed request by
// default, with any field overridden.
import type { UsageRecord } from "../../gateway/types.js";
import { rankedProviderFixture, scoreFactorsFixture } from "../../gateway/routing/routing-diagnostics.fixture.js";
import { usageRecord } from "../../gateway/usage/usage-record-fixture.js";
import type { RequestOutcome } from "./outcome.js";

/** A plausible usage record served by `openai` after ranking [openai, openai-eu]. */
export function makeRecord(overrides: Partial<UsageRecord> = {}): UsageRecord {
  // The usage log's own fixture, with the figures and routing these expectations read.
  return usageRecord({
    created_at: "2026-01-01T00:00:00.000Z",
    time_ms: Date.UTC(2026, 0, 1),
    latency_ms: 800,
    ttft_ms: 300,
    throughput_tps: 80,
    gateway_overhead_ms: 1,
    usage: { input_tokens: 10, output_tokens: 20, total_tokens: 30 },
    cost_usd: 0.001,
    attempts: [{ attempt: 1, provider: "openai", outcome: "success", status: 200, duration_ms: 800 }],
    routing_diagnostics: {
      model: "openai/gpt-5.4-nano",
      strategy: "explicit_sort",
      routingMode: "price",
      priority: "default",
      sort: "price",
      filterStages: [{ stage: "ignore", before: 3, after: 2, dropped: [{ provider: "deepinfra", reason: "listed_in_provider.ignore" }] }],
      consideredProviders: ["openai", "openai-eu"],
      rankedProviders: [rankedProviderFixture("openai", 1, { score: 0.9 }), rankedProviderFixture("openai-eu", 2, { score: 0.8, scoreFactors: scoreFactorsFixture({ priceScore: 0.5 }) })],
      warnings: [],
      finalCandidateCount: 2,
    },
    response_cache: { enabled: true, status: "miss", reason: null, key: "gateway:response-cache:v1:gateway-sim:f", fingerprint: "f", ttlSeconds: 300, ttlSource: "platform_default" },
    ...overrides,
  });
}

/** An outcome around {@link makeRecord}. */
export function makeOutcome(index: number, overrides: Partial<UsageRecord> = {}, extra: Partial<Omit<RequestOutcome, "record">> = {}): RequestOutcome {
  const offsetMs = extra.offsetMs ?? index * 1000;
  return {
    index,
    name: "extract",
    offsetMs,
    schemaValid: null,
    ...extra,
    record: makeRecord({ id: `G-${String(index).padStart(4, "0")}`, time_ms: Date.UTC(2026, 0, 1) + offsetMs, ...overrides }),
  };
}
