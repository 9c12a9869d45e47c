// The gateway settings a replay runs with, from what the log shows: the fidelity the logging gateway
// ran under (the log has no field for it, but its routing diagnostics do), a cache TTL that keeps
// the logged hits hits, and the presets whose routing modes the requests used.
import type { ReplayRecord } from "./read-usage-log.js";
import { cacheSettings } from "./cache-replay.js";
import { replayPresets } from "./replay-presets.js";

/**
 * `documented` when only the documented behaviour shows: the documented balanced shuffle, or a
 * breaker that opened (the reference's breaker never opens at the pin: its volume check reads an
 * EWMA of 1). Any reference sign (Thompson sort, a preset's weighted shuffle, a documented-breaker
 * flag) or none at all gives undefined: the default, reference.
 *
 * @example
 * loggedFidelity(records); // "documented"
 */
export function loggedFidelity(records: readonly ReplayRecord[]): "documented" | undefined {
  let documented = false;
  for (const r of records) {
    const diag = r.routing_diagnostics;
    if (!diag) continue;
    if (diag.strategy === "balanced_sort" || diag.strategy === "weighted_shuffle") return undefined;
    if (diag.rankedProviders.some((p) => p.documentedBreakerOpen === true)) return undefined;
    if (diag.strategy === "balanced_shuffle" || diag.rankedProviders.some((p) => p.breaker !== "closed")) documented = true;
  }
  return documented ? "documented" : undefined;
}

/**
 * @example
 * replaySettings(records); // { settings: { fidelity: "documented", cache: { defaultTtlSeconds: 600 } }, presets: [] }
 */
export function replaySettings(records: readonly ReplayRecord[]): { settings?: Record<string, unknown>; presets?: Record<string, string>[] } {
  const fidelity = loggedFidelity(records);
  const cache = cacheSettings(records).settings?.cache;
  const presets = replayPresets(records);
  return {
    ...(fidelity === undefined && cache === undefined ? {} : { settings: { ...(fidelity ? { fidelity } : {}), ...(cache ? { cache } : {}) } }),
    ...(presets.length > 0 ? { presets } : {}),
  };
}

/**
 * The scenario with the replay's settings and presets after its `catalog`: settings merged into any
 * it already has (another part of replay may need settings of its own), so neither overwrites the other.
 *
 * @example
 * withReplaySettings(records, { name, seed, catalog: "default", providers }); // { name, seed, catalog, settings: {…}, providers }
 */
export function withReplaySettings(records: readonly ReplayRecord[], scenario: Record<string, unknown>): Record<string, unknown> {
  const { settings, presets } = replaySettings(records);
  if (settings === undefined && presets === undefined) return scenario;
  const own = typeof scenario.settings === "object" && scenario.settings !== null ? (scenario.settings as Record<string, unknown>) : undefined;
  const merged = { ...own, ...settings };
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(scenario)) {
    if (key === "settings") continue;
    out[key] = value;
    if (key !== "catalog") continue;
    if (Object.keys(merged).length > 0) out.settings = merged;
    if (presets) out.presets = presets;
  }
  return out;
}
