// Ordered failover (index.ts:471-1155): try the ranked candidates in turn, one attempt each; every
// non-2xx and every thrown error moves to the next; an open breaker blocks a candidate without a
// call. Each attempt is recorded and feeds health; the same loop serves JSON and streaming calls.
import type { GatewayError } from "../../core/errors.js";
import type { Offer } from "../catalog/schema.js";
import { healthImpact } from "../health/health-record.js";
import type { AttemptOutcome, AttemptRecord, HealthStore } from "../types.js";
import { allCandidatesFailed, type AttemptError } from "./all-candidates-failed.js";

/** The health sample of a success; undefined for a stream (its health is settled when it ends). */
export interface SuccessHealth {
  latencyMs: number;
  generationMs: number;
  tokensIn: number;
  tokensOut: number;
}

/** What one attempt at one provider produced. */
export type AttemptResult<T> =
  | { ok: true; value: T; status: number; durationMs: number; health: SuccessHealth | undefined }
  | { ok: false; error: GatewayError; status: number | null; durationMs: number };

export type ExecutionOutcome<T> = { ok: true; offer: Offer; value: T; attempts: AttemptRecord[]; probe: boolean } | { ok: false; error: GatewayError; attempts: AttemptRecord[] };

export interface ExecutionEnv {
  health: HealthStore;
  now: () => number;
  /** "{workspaceId}|{requestId}": the half-open probe draw's input (health.ts:670-679). */
  sampleKey: string;
  /** The model as requested, for the all-failed description. */
  model: string;
  onAttempt?: ((record: AttemptRecord) => void) | undefined;
}

/**
 * A failed attempt's outcome name: a non-2xx answer is `upstream_non_2xx`; anything else was thrown
 * (timeout, connection, unreadable body) and is `error`, or `retryable_error` when flagged retryable.
 *
 * @example
 * attemptOutcome(error, 503); // "upstream_non_2xx"
 */
export function attemptOutcome(error: GatewayError, status: number | null): AttemptOutcome {
  if (isNon2xx(status)) return "upstream_non_2xx";
  return error.isRetryable ? "retryable_error" : "error";
}

function isNon2xx(status: number | null): status is number {
  return status !== null && (status < 200 || status >= 300);
}

/**
 * Runs `attempt` over `candidates` until one succeeds (only the first with `allowFallbacks: false`).
 *
 * @example
 * const outcome = await executeWithFailover(candidates, true, env, (offer) => callOne(offer));
 */
export function executeWithFailover<T>(
  candidates: readonly Offer[],
  allowFallbacks: boolean,
  env: ExecutionEnv,
  attempt: (offer: Offer, attemptNumber: number) => Promise<AttemptResult<T>>,
): Promise<ExecutionOutcome<T>> {
  // Not an async function: its frame and await cost ~0.4 KB per request, a `.then` per attempt far
  // less. As from one, whatever throws rejects the promise.
  try {
    return new Failover(candidates, allowFallbacks ? candidates.length : Math.min(1, candidates.length), env, attempt).from(0);
  } catch (error) {
    return Promise.reject(error);
  }
}

/** One request's failover: the attempts and errors so far, made on their first entry (most requests make one attempt and record no error). */
class Failover<T> {
  #attempts: AttemptRecord[] | undefined;
  #errors: AttemptError[] | undefined;

  constructor(
    private readonly candidates: readonly Offer[],
    private readonly tried: number,
    private readonly env: ExecutionEnv,
    private readonly attempt: (offer: Offer, attemptNumber: number) => Promise<AttemptResult<T>>,
  ) {}

  /** The candidates from `first` on: the blocked ones in turn, then the first admitted one's call, judged once it settles. */
  from(first: number): Promise<ExecutionOutcome<T>> {
    const env = this.env;
    for (let index = first; index < this.tried; index++) {
      const offer = this.candidates[index] as Offer;
      const startedAt = env.now();
      const admission = env.health.admit(offer.provider, offer.model, startedAt, env.sampleKey);
      if (admission === "blocked") {
        this.#blocked(offer, index, startedAt);
        continue;
      }
      const probe = admission === "probe";
      const end = env.health.begin(offer.provider, offer.model);
      let called: Promise<AttemptResult<T>>;
      try {
        called = this.attempt(offer, index + 1);
      } catch (error) {
        end();
        throw error;
      }
      return called.then(
        (result) => {
          end();
          return this.#judge(result, offer, index, probe);
        },
        (error: unknown) => {
          end();
          throw error;
        },
      );
    }
    return Promise.resolve({ ok: false, error: allCandidatesFailed(this.#errors ?? [], env.model), attempts: this.#attempts ?? [] });
  }

  #blocked(offer: Offer, index: number, startedAt: number): void {
    const record: AttemptRecord = { attempt: index + 1, provider: offer.provider, outcome: "blocked", status: null, duration_ms: this.env.now() - startedAt, was_probe: false };
    this.#attempts = added(this.#attempts, record);
    this.env.onAttempt?.(record);
    this.#errors = added(this.#errors, {
      provider: offer.provider,
      type: "blocked",
      status: null,
      upstream_error_code: null,
      upstream_error_message: null,
      upstream_error_description: null,
      upstream_error_param: null,
      upstream_payload_preview: null,
      retryable: null,
    });
  }

  /** Records the attempt and its health: the outcome on a success or a cancel, else the next candidates'. */
  #judge(result: AttemptResult<T>, offer: Offer, index: number, probe: boolean): ExecutionOutcome<T> | Promise<ExecutionOutcome<T>> {
    const env = this.env;
    const record: AttemptRecord = result.ok
      ? { attempt: index + 1, provider: offer.provider, outcome: "success", status: result.status, duration_ms: result.durationMs, was_probe: probe }
      : {
          attempt: index + 1,
          provider: offer.provider,
          outcome: attemptOutcome(result.error, result.status),
          status: result.status,
          duration_ms: result.durationMs,
          error_code: result.error.code,
          message: result.error.message,
          was_probe: probe,
        };
    const attempts = added(this.#attempts, record);
    this.#attempts = attempts;
    env.onAttempt?.(record);
    if (result.ok) {
      const health = result.health;
      if (health) {
        // Written out rather than spread: a spread into a literal is a slow path on Node 20.
        env.health.record({
          provider: offer.provider,
          model: offer.model,
          at: env.now(),
          ok: true,
          impact: "success",
          probe,
          latencyMs: health.latencyMs,
          generationMs: health.generationMs,
          tokensIn: health.tokensIn,
          tokensOut: health.tokensOut,
        });
      }
      return { ok: true, offer, value: result.value, attempts, probe };
    }
    const aborted = result.error.extra.reason === "cancelled";
    // A thrown error samples the whole attempt; a non-2xx its duration too (no first byte was measured).
    // A cancelled attempt is neutral: not the provider's failure.
    env.health.record({
      provider: offer.provider,
      model: offer.model,
      at: env.now(),
      ok: false,
      impact: healthImpact({ status: isNon2xx(result.status) ? result.status : null, aborted }),
      latencyMs: result.durationMs,
      probe,
    });
    // Cancelled by the caller (a draining server, a client gone): no other provider is worth trying.
    if (aborted) return { ok: false, error: result.error, attempts };
    this.#errors = added(this.#errors, attemptError(offer.provider, record.outcome, result.error, result.status));
    return this.from(index + 1);
  }
}

/** `list` with `item` appended; a first item makes a one-item array (a push onto `[]` reserves 17 slots). */
function added<T>(list: T[] | undefined, item: T): T[] {
  if (list === undefined) return [item];
  list.push(item);
  return list;
}

function attemptError(provider: string, outcome: AttemptOutcome, error: GatewayError, status: number | null): AttemptError {
  const upstream = (error.extra.upstream_error ?? {}) as { code?: string; param?: string };
  if (outcome === "upstream_non_2xx") {
    return {
      provider,
      type: "upstream_non_2xx",
      status,
      upstream_error_code: upstream.code ?? null,
      upstream_error_message: error.message,
      upstream_error_description: null,
      upstream_error_param: upstream.param ?? null,
      // The reference keeps 320 characters of the upstream body; gateway-sim keeps none, so an API key a
      // provider echoes back never reaches the usage log.
      upstream_payload_preview: null,
      retryable: null,
    };
  }
  return {
    provider,
    type: outcome === "retryable_error" ? "retryable_error" : "error",
    status: null,
    upstream_error_code: error.code,
    upstream_error_message: error.message,
    upstream_error_description: null,
    upstream_error_param: null,
    upstream_payload_preview: null,
    retryable: outcome === "retryable_error",
  };
}
