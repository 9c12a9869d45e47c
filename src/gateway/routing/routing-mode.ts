// Which mode ranks a request and with which profile (routing.ts:53-153, 818-821): the request's sort,
// else the model suffix's, else the preset's routing mode, else balanced; the suffix picks the jitter
// amplitude and latency scale.
import { routingModeOf, type PriorityProfile, type RoutingMode } from "../request/routing-mode.js";
import type { RoutingInput } from "../types.js";

export type { RoutingMode };
export type Priority = PriorityProfile;

/** Per-profile values that survive a mode's weight override (routing.ts:53-59). */
export const PROFILES: Record<Priority, { noise: number; latencyScaleMs: number }> = {
  default: { noise: 0.02, latencyScaleMs: 800 },
  fast: { noise: 0.005, latencyScaleMs: 600 },
  nitro: { noise: 0.001, latencyScaleMs: 500 },
  cheap: { noise: 0.001, latencyScaleMs: 700 },
};

const SUFFIX_MODES: Record<Priority, RoutingMode | undefined> = { default: undefined, fast: "latency", nitro: "throughput", cheap: "price" };

/**
 * A mode spelling to a mode (routing.ts:65-75), absent meaning balanced.
 *
 * @example
 * normaliseRoutingMode("speed"); // "latency"
 */
export function normaliseRoutingMode(value: string | undefined): RoutingMode {
  return value === undefined ? "balanced" : routingModeOf(value);
}

/** The resolved mode of one routing. */
export interface ResolvedMode {
  mode: RoutingMode;
  priority: Priority;
  /** A suffix (strict priority) or any request-level sort: rank by sorting, never shuffle (routing.ts:1412). */
  deterministic: boolean;
}

/**
 * Resolves the mode from the request's sort (any spelling, even an unknown one, makes the ranking
 * deterministic), the suffix, and the preset's mode.
 *
 * @example
 * resolveMode({ requestedSort: "cost" }); // { mode: "price", priority: "default", deterministic: true }
 */
export function resolveMode(sources: RoutingInput["modeSources"]): ResolvedMode {
  const priority = sources?.priority ?? "default";
  const requested = sources?.requestedSort;
  const suffixMode = SUFFIX_MODES[priority];
  const mode = normaliseRoutingMode(requested ?? suffixMode ?? sources?.presetMode);
  const presetSorted = requested === undefined && suffixMode === undefined && sources?.presetMode !== undefined && sources.presetRanking === "sort";
  const deterministic = requested !== undefined || priority !== "default" || presetSorted;
  return { mode, priority, deterministic };
}
