// The error when every attempt failed (guards.ts:287-517, as reshaped for the client by
// error-handler.ts:812-895): 502 upstream_error all_candidates_failed, or provider_payment_required
// when any attempt answered 402, with the attempt errors summarised and the first three sampled.
import { GatewayError } from "../../core/errors.js";
import { providerFailureDiagnostics } from "./provider-failure-diagnostics.js";

/** One entry of the reference's `attemptErrors` (index.ts:602-624, 951-1013, 1097-1155). */
export interface AttemptError {
  provider: string;
  type: "upstream_non_2xx" | "error" | "retryable_error" | "blocked";
  status: number | null;
  upstream_error_code: string | null;
  upstream_error_message: string | null;
  upstream_error_description: string | null;
  upstream_error_param: string | null;
  upstream_payload_preview: string | null;
  /** Only thrown errors carry it; null for non-2xx and blocked entries. */
  retryable: boolean | null;
}

/** The client body keeps at most 8 failed providers and 3 samples (error-handler.ts:830-850). */
const MAX_FAILED_PROVIDERS = 8;
const MAX_SAMPLES = 3;

/**
 * The all-failed error for `model` on the `responses` endpoint.
 *
 * @example
 * allCandidatesFailed([{ provider: "openai", type: "upstream_non_2xx", status: 503, ... }], "openai/gpt-5.4-nano");
 */
export function allCandidatesFailed(errors: readonly AttemptError[], model: string, endpoint = "responses"): GatewayError {
  const failedProviders = [...new Set(errors.map((e) => e.provider))];
  const failedStatuses = [...new Set(errors.flatMap((e) => (e.status === null ? [] : [e.status])))];
  const sample = errors.slice(0, MAX_SAMPLES);
  const first = sample[0];
  const payment = errors.find((e) => e.status === 402);
  const extra: Record<string, unknown> = {
    reason: payment ? "upstream_provider_payment_required" : "all_candidates_failed",
  };
  if (errors.length > 0) extra.attempt_count = errors.length;
  extra.failed_providers = failedProviders.length > 0 ? failedProviders.slice(0, MAX_FAILED_PROVIDERS) : null;
  extra.failed_statuses = failedStatuses.length > 0 ? failedStatuses : null;
  extra.failure_sample = sample.length > 0 ? sample : null;
  if (first) {
    extra.upstream_error = { code: first.upstream_error_code, message: first.upstream_error_message, description: first.upstream_error_description, param: first.upstream_error_param };
  }
  if (payment) {
    extra.provider_payment_required_provider = payment.provider;
    extra.provider_payment_required_support_notice = "Please let us know on GitHub or Discord if you see this error.";
    const description = `Oops, we forgot to pay our provider bills (${payment.provider}). Please let us know on GitHub or Discord if you see this error.`;
    return new GatewayError("provider_payment_required", description, { extra });
  }
  const diagnostics = providerFailureDiagnostics(errors);
  if (diagnostics) extra.provider_failure_diagnostics = diagnostics;
  return new GatewayError("upstream_error", describeFailures(errors, failedProviders, failedStatuses, model, endpoint), { extra });
}

function compact(value: string | null, max = 180): string | null {
  if (value === null) return null;
  const text = value.trim().replace(/\s+/g, " ");
  if (!text) return null;
  return text.length <= max ? text : `${text.slice(0, max - 1)}...`;
}

/** guards.ts:36-56: the first matching status family names a hint. */
function hintFor(statuses: readonly number[]): string | null {
  if (statuses.some((s) => s === 401 || s === 403)) return "Verify provider credentials/BYOK keys and account permissions.";
  if (statuses.includes(404)) return "The provider may not expose this model on this endpoint yet.";
  if (statuses.includes(429)) return "The provider is rate limiting requests; retry with backoff.";
  if (statuses.some((s) => s === 408 || s === 504)) return "The provider timed out; retrying may succeed.";
  if (statuses.some((s) => s >= 500)) return "The provider returned a server error; retrying may succeed.";
  if (statuses.some((s) => s === 400 || s === 422)) return "The upstream provider rejected request parameters.";
  return null;
}

/** guards.ts:262-285: "provider:status/status" for at most 3 providers, then "+N more". */
function providerSummary(errors: readonly AttemptError[]): string | null {
  const byProvider = new Map<string, Set<number>>();
  for (const e of errors) {
    const statuses = byProvider.get(e.provider) ?? new Set<number>();
    if (e.status !== null) statuses.add(e.status);
    byProvider.set(e.provider, statuses);
  }
  if (byProvider.size === 0) return null;
  const entries = [...byProvider.entries()];
  const visible = entries.slice(0, 3).map(([provider, statuses]) => (statuses.size === 0 ? provider : `${provider}:${[...statuses].sort((a, b) => a - b).join("/")}`));
  if (entries.length > visible.length) visible.push(`+${entries.length - visible.length} more`);
  return visible.join(", ");
}

/** guards.ts:287-352. */
function describeFailures(errors: readonly AttemptError[], providers: readonly string[], statuses: readonly number[], model: string, endpoint: string): string {
  const primary = errors[0];
  const provider = compact(primary?.provider ?? null, 60) ?? providers[0] ?? "unknown";
  const code = compact(primary?.upstream_error_code ?? null, 80);
  const message = compact(primary?.upstream_error_message ?? null);
  const detail = compact(primary?.upstream_error_description ?? null);
  const param = compact(primary?.upstream_error_param ?? null, 240);
  const lines: string[] = [];
  if (providers.length <= 1) {
    const status = primary?.status ?? null;
    lines.push(
      status !== null
        ? `Provider "${provider}" failed with HTTP ${status} for endpoint "${endpoint}" on model "${model}".`
        : `Provider "${provider}" failed for endpoint "${endpoint}" on model "${model}".`,
    );
  } else {
    lines.push(`All ${errors.length || providers.length} provider attempts failed for endpoint "${endpoint}" on model "${model}".`);
    const summary = providerSummary(errors);
    if (summary) lines.push(`Provider/status summary: ${summary}.`);
  }
  if (code) lines.push(`Upstream code: ${code}.`);
  if (message) lines.push(`Upstream message: ${message}.`);
  if (detail && detail !== message) lines.push(`Upstream detail: ${detail}.`);
  if (param && param !== message && param !== detail) lines.push(`Upstream param: ${param}.`);
  const hint = hintFor(statuses);
  if (hint) lines.push(`Hint: ${hint}`);
  lines.push(errors.length > 0 ? "Inspect failure_sample for per-attempt diagnostics." : "No per-attempt diagnostics were captured.");
  return lines.join(" ");
}
