// Ordered failover (reference §5): try the ranked candidates in turn, one attempt each, recording
// every attempt; the same loop serves JSON and streaming calls.
import { GatewayError } from "../../core/errors.js";
import type { Offer } from "../catalog/schema.js";
import type { AttemptOutcome, AttemptRecord, HealthStore } from "../types.js";

/** What one attempt at one provider produced. */
export type AttemptResult<T> =
  | { ok: true; value: T; status: number; durationMs: number; ttftMs?: number | undefined; throughputTps?: number | undefined; observed: boolean }
  | { ok: false; error: GatewayError; status: number | null; durationMs: number };

export type ExecutionOutcome<T> =
  | { ok: true; offer: Offer; value: T; attempts: AttemptRecord[] }
  | { ok: false; error: GatewayError; attempts: AttemptRecord[] };

export interface ExecutionEnv {
  health: HealthStore;
  now: () => number;
  onAttempt?: ((record: AttemptRecord) => void) | undefined;
}

/** Classifies a failed attempt into the reference's outcome names. */
export function attemptOutcome(error: GatewayError): AttemptOutcome {
  if (error.upstreamStatus !== undefined) return error.isRetryable ? "retryable_error" : "upstream_non_2xx";
  return error.isRetryable ? "retryable_error" : "error";
}

/**
 * Runs `attempt` over `candidates` until one succeeds (only the first with `allowFallbacks: false`).
 *
 * @example
 * const outcome = await executeWithFailover(candidates, true, env, (offer) => callOne(offer));
 */
export async function executeWithFailover<T>(
  candidates: readonly Offer[],
  allowFallbacks: boolean,
  env: ExecutionEnv,
  attempt: (offer: Offer, attemptNumber: number) => Promise<AttemptResult<T>>,
): Promise<ExecutionOutcome<T>> {
  const attempts: AttemptRecord[] = [];
  const failures: { provider: string; error: GatewayError; status: number | null }[] = [];
  const tried = allowFallbacks ? candidates : candidates.slice(0, 1);
  for (const [index, offer] of tried.entries()) {
    const end = env.health.begin(offer.provider, offer.model);
    let result: AttemptResult<T>;
    try {
      result = await attempt(offer, index + 1);
    } finally {
      end();
    }
    const record: AttemptRecord = result.ok
      ? { attempt: index + 1, provider: offer.provider, outcome: "success", status: result.status, duration_ms: result.durationMs }
      : {
          attempt: index + 1,
          provider: offer.provider,
          outcome: attemptOutcome(result.error),
          status: result.status,
          duration_ms: result.durationMs,
          error_code: result.error.code,
          message: result.error.message,
        };
    attempts.push(record);
    env.onAttempt?.(record);
    if (result.ok) {
      // Streams report their health when they finish, not when their headers arrive.
      if (result.observed) {
        env.health.record({
          provider: offer.provider,
          model: offer.model,
          at: env.now(),
          ok: true,
          latencyMs: result.durationMs,
          ttftMs: result.ttftMs,
          throughputTps: result.throughputTps,
        });
      }
      return { ok: true, offer, value: result.value, attempts };
    }
    // Cancelled by the caller (a draining server, a client gone): not the provider's failure, and no
    // other provider is worth trying.
    if (result.error.extra["reason"] === "cancelled") return { ok: false, error: result.error, attempts };
    env.health.record({ provider: offer.provider, model: offer.model, at: env.now(), ok: false, latencyMs: result.durationMs });
    failures.push({ provider: offer.provider, error: result.error, status: result.status });
  }
  return { ok: false, error: allCandidatesFailed(failures), attempts };
}

function allCandidatesFailed(failures: { provider: string; error: GatewayError; status: number | null }[]): GatewayError {
  const last = failures[failures.length - 1];
  return new GatewayError("upstream_error", `All ${failures.length} candidate provider(s) failed; last: ${last ? `${last.provider}: ${last.error.message}` : "none"}`, {
    extra: {
      reason: "all_candidates_failed",
      attempt_count: failures.length,
      failed_providers: failures.map((f) => f.provider),
      failed_statuses: failures.map((f) => f.status),
      failure_sample: last ? { provider: last.provider, status: last.status, error: last.error.code, message: last.error.message } : null,
    },
  });
}
