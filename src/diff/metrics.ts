// What `diff` compares, per preset, from a run's usage records: provider share, cost per request,
// latency p50/p95, schema-valid and healing rates, cache hit rate and client error rate.
import type { UsageRecord } from "../gateway/types.js";
import { percentile } from "../scenarios/expect/percentile.js";
import { healingSucceeded } from "../plugins/response-healing/heal-response.js";

/** Requests without a preset are grouped under this name. */
export const NO_PRESET = "(no preset)";

export interface PresetMetrics {
  requests: number;
  /** Selected provider → share of the requests (cache hits and failures count in the denominator). */
  providerShare: Record<string, number>;
  costPerRequest: number;
  latencyP50: number | undefined;
  latencyP95: number | undefined;
  /**
   * Over requests the response-healing plugin checked: the share whose answer ended valid (it did
   * not fail). Undefined when no request had it.
   */
  schemaValidRate: number | undefined;
  /** Over the same requests: the share the plugin had to heal. */
  healingRate: number | undefined;
  cacheHitRate: number;
  clientErrorRate: number;
}

function healingOf(record: UsageRecord): UsageRecord["plugin_executions"][number] | undefined {
  return record.plugin_executions.find((p) => p.id === "response-healing");
}

function metricsOf(records: readonly UsageRecord[]): PresetMetrics {
  const n = records.length;
  const share: Record<string, number> = {};
  for (const r of records) if (r.selected_provider) share[r.selected_provider] = (share[r.selected_provider] ?? 0) + 1 / n;
  const healed = records.map(healingOf).filter((h) => h !== undefined && h.metadata.attempted);
  const latencies = records.map((r) => r.latency_ms);
  return {
    requests: n,
    providerShare: share,
    costPerRequest: records.reduce((sum, r) => sum + r.cost_usd, 0) / n,
    latencyP50: percentile(latencies, 50),
    latencyP95: percentile(latencies, 95),
    schemaValidRate: healed.length === 0 ? undefined : healed.filter((h) => h !== undefined && healingSucceeded(h)).length / healed.length,
    healingRate: healed.length === 0 ? undefined : healed.filter((h) => h?.metadata.healed === true).length / healed.length,
    cacheHitRate: records.filter((r) => r.response_cache?.status === "hit").length / n,
    clientErrorRate: records.filter((r) => r.status === "failed" || r.http_status >= 400).length / n,
  };
}

/**
 * @example
 * const byPreset = presetMetrics(usage.list()); // Map { "support-chat" → { requests: 600, costPerRequest: 0.00012, … } }
 */
export function presetMetrics(records: readonly UsageRecord[]): Map<string, PresetMetrics> {
  const groups = new Map<string, UsageRecord[]>();
  for (const r of records) {
    const key = r.preset ?? NO_PRESET;
    const group = groups.get(key) ?? [];
    group.push(r);
    groups.set(key, group);
  }
  return new Map([...groups.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, rs]) => [k, metricsOf(rs)]));
}
