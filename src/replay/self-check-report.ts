// The self-check as `replay` prints it: the reproduced share, the same-provider share, and for a
// shortfall the first diverging request with its cause.
import { formatDuration } from "../core/duration.js";
import type { SelfCheckRun } from "./run-self-check.js";
import { attemptPath, type Divergence } from "./self-check.js";

/** A share as a percentage, rounded down: 99.96 % must not print as 100 %. */
export function percent(share: number): string {
  return `${Math.floor(share * 1000) / 10} %`;
}

function ratio(n: number, of: number): string {
  return `${n} of ${of} (${percent(of === 0 ? 1 : n / of)})`;
}

function divergenceLines(d: Divergence, startMs: number): string[] {
  const { logged, replayed } = d;
  const offset = formatDuration(Math.round(logged.time_ms - startMs));
  const seq = logged.seq === undefined ? "" : `, seq ${logged.seq}`;
  return [
    `first divergence: request ${d.index + 1}, ${logged.id}${seq}, logged at ${new Date(logged.time_ms).toISOString()} (+${offset})`,
    `  logged:   selected ${logged.selected_provider ?? "none"}; attempts ${attemptPath(logged)}`,
    `  replayed: ${replayed ? `selected ${replayed.selected_provider ?? "none"}; attempts ${attemptPath(replayed)}` : "no request"}`,
    `  cause: ${d.cause.detail}`,
  ];
}

/**
 * @example
 * renderSelfCheck(check, records[0].time_ms).join("\n");
 * // self-check: reproduces 1189 of 1189 logged requests (100 %) …
 */
export function renderSelfCheck(check: SelfCheckRun, startMs: number): string[] {
  return [
    `self-check: the replay reproduces ${ratio(check.reproduced, check.compared)} logged requests (same provider and attempts); same provider ${ratio(check.sameProvider, check.compared)}`,
    `  its routing expectations: ${check.expectations.passed} of ${check.expectations.total} hold`,
    ...(check.first ? divergenceLines(check.first, startMs) : []),
  ];
}
