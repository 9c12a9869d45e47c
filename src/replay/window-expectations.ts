// The routing that happened, as expectations the replayed scenario must meet: per time window,
// each provider's share of the requests (± a tolerance) and the client error rate.
import { formatDuration } from "../core/duration.js";
import type { ReplayRecord } from "./read-usage-log.js";

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/**
 * @example
 * windowExpectations(records, 60_000, 0.1); // [{ name: "0s–1m: routing as logged", window: {…}, provider_share: {…} }, …]
 */
export function windowExpectations(records: readonly ReplayRecord[], windowMs: number, tolerance: number): Record<string, unknown>[] {
  const start = records[0]?.time_ms ?? 0;
  const windows = new Map<number, ReplayRecord[]>();
  for (const r of records) {
    const i = Math.floor((r.time_ms - start) / windowMs);
    windows.set(i, [...(windows.get(i) ?? []), r]);
  }
  return [...windows.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([i, rs]) => {
      const counts = new Map<string, number>();
      for (const r of rs) if (r.selected_provider) counts.set(r.selected_provider, (counts.get(r.selected_provider) ?? 0) + 1);
      const share: Record<string, { min: number; max: number }> = {};
      for (const [provider, n] of [...counts.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
        const s = n / rs.length;
        share[provider] = { min: round(Math.max(0, s - tolerance)), max: round(Math.min(1, s + tolerance)) };
      }
      const errors = rs.filter((r) => r.status === "failed" || r.http_status >= 400).length / rs.length;
      const from = formatDuration(i * windowMs);
      const to = formatDuration((i + 1) * windowMs);
      return {
        name: `${from}–${to}: routing as logged (${rs.length} requests)`,
        window: { from, to },
        ...(Object.keys(share).length > 0 ? { provider_share: share } : {}),
        client_error_rate: { max: round(Math.min(1, errors + tolerance)) },
      };
    });
}
