// Which EWMA windows the health store keeps, and how they are keyed in ProviderHealth records.
import type { GatewaySettings } from "../settings.js";

/**
 * Every window (seconds) routing reads: the configured health windows plus the error-rate window
 * (success, reliability, breaker, p50 latency) and the long tail-latency window, ascending.
 *
 * @example
 * trackedWindows(defaultGatewaySettings()); // [10, 60, 300]
 */
export function trackedWindows(settings: GatewaySettings): number[] {
  const all = new Set([...settings.health.windowsSeconds, settings.routing.errorRateWindowSeconds, settings.routing.tailLongWindowSeconds]);
  return [...all].sort((a, b) => a - b);
}

/**
 * The record key of a window: its length in seconds as a string.
 *
 * @example
 * health.errorRate[windowKey(60)];
 */
export function windowKey(seconds: number): string {
  return String(seconds);
}
