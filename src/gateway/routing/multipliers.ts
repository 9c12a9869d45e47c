// Score multipliers that move a candidate down without removing it: missed latency/throughput
// preferences, and an open (or non-probing half-open) circuit breaker.
import type { Random } from "../../core/random.js";
import type { ProviderPreferences } from "../request/provider-preferences.js";
import type { GatewaySettings } from "../settings.js";
import type { Candidate, HealthFigures } from "./candidate.js";

export interface Multipliers {
  /** preferenceMissMultiplier per missed preference (1 when none missed). */
  preferenceMultiplier: number;
  breakerMultiplier: number;
  probe: boolean;
}

/**
 * Multipliers for every candidate. Draws one `chance(halfOpenProbeShare)` per half-open candidate,
 * in pool order, and nothing for the others, so the request's stream stays replayable.
 * Latency is compared with the routing window's EWMA latency (total attempt time); `figures` are the
 * candidates' health figures at the same index.
 *
 * @example
 * const m = multipliers(candidates, figures, prefs, settings, random);
 */
export function multipliers(
  candidates: readonly Candidate[],
  figures: readonly HealthFigures[],
  preferences: Pick<ProviderPreferences, "preferredMaxLatencySeconds" | "preferredMinThroughputTps">,
  settings: GatewaySettings,
  random: Random,
): Multipliers[] {
  return candidates.map((c, i) => {
    const { latencyMs, throughputTps } = figures[i] as HealthFigures;
    let preferenceMultiplier = 1;
    const maxLatency = preferences.preferredMaxLatencySeconds;
    const minThroughput = preferences.preferredMinThroughputTps;
    if (maxLatency !== undefined && latencyMs > maxLatency * 1000) preferenceMultiplier *= settings.routing.preferenceMissMultiplier;
    if (minThroughput !== undefined && throughputTps < minThroughput) preferenceMultiplier *= settings.routing.preferenceMissMultiplier;

    const derank = settings.routing.openBreakerMultiplier;
    switch (c.health.breaker.state) {
      case "closed":
        return { preferenceMultiplier, breakerMultiplier: 1, probe: false };
      case "open":
        return { preferenceMultiplier, breakerMultiplier: derank, probe: false };
      case "half_open": {
        const probe = random.chance(settings.breaker.halfOpenProbeShare);
        return { preferenceMultiplier, breakerMultiplier: probe ? 1 : derank, probe };
      }
    }
  });
}
