// The routing decision of one request, as stored in a golden snapshot: enough to see what the
// gateway chose and why, nothing that changes when unrelated code changes (no timings, no scores).
import type { RequestOutcome } from "../expect/outcome.js";
import { executionReason, healingExecution } from "../expect/request-checks.js";

/** One line of a snapshot file. */
export interface Decision {
  i: number;
  id: string;
  /** ms since the start of the run. */
  at: number;
  name: string | null;
  selected: string | null;
  ranked: string[];
  /** `provider:outcome:status` per attempt. */
  attempts: string[];
  /** `applied [transforms]`, `failed (reason)`, or null when the plugin did not run. */
  healing: string | null;
  cache: string | null;
  status: string;
}

/**
 * @example
 * decisionOf(outcome); // { i: 0, id: "G-…", selected: "openai", attempts: ["openai:success:200"], … }
 */
export function decisionOf(o: RequestOutcome): Decision {
  const r = o.record;
  const exec = healingExecution(r);
  let healing: string | null = null;
  if (exec) {
    const reason = executionReason(exec);
    const transforms = exec.metadata.transforms_applied ?? [];
    healing = `${exec.status}${transforms.length ? ` [${transforms.join(", ")}]` : ""}${reason ? ` (${reason})` : ""}`;
  }
  return {
    i: o.index,
    id: r.id,
    at: o.offsetMs,
    name: o.name,
    selected: r.selected_provider,
    ranked: r.routing_diagnostics?.rankedProviders.map((p) => p.provider) ?? [],
    attempts: r.attempts.map((a) => `${a.provider}:${a.outcome}:${a.status ?? "-"}`),
    healing,
    cache: r.response_cache ? r.response_cache.status : null,
    status: r.error_code ? `${r.status} ${r.http_status} ${r.error_code}` : `${r.status} ${r.http_status}`,
  };
}
