// The one error family of gateway-sim: every client-visible error and every failed provider attempt
// is a GatewayError with a string code; its status, type and origin come from one registry.
import { truncateEchoes } from "./truncate-echo.js";

/** Every error code, with its HTTP status, type and origin (reference §8). */
export const ERROR_CODES = {
  unauthorised: { status: 401, type: "user", origin: "user" },
  invalid_json: { status: 400, type: "user", origin: "user" },
  validation_error: { status: 400, type: "user", origin: "user" },
  model_required: { status: 400, type: "user", origin: "user" },
  unsupported_model_or_endpoint: { status: 400, type: "user", origin: "user" },
  unsupported_routing_filter: { status: 400, type: "user", origin: "user" },
  no_providers_after_preset_filter: { status: 400, type: "user", origin: "user" },
  unknown_gateway_plugin: { status: 400, type: "user", origin: "user" },
  not_found: { status: 404, type: "user", origin: "user" },
  payload_too_large: { status: 413, type: "user", origin: "user" },
  /** A server draining on shutdown: new requests, and requests still running when its grace period ended. */
  service_unavailable: { status: 503, type: "system", origin: "gateway" },
  gateway_error: { status: 500, type: "system", origin: "gateway" },
  upstream_error: { status: 502, type: "system", origin: "upstream" },
  // Any attempt answered 402 (guards.ts:478-514, http.ts:25): still a 502.
  provider_payment_required: { status: 502, type: "system", origin: "upstream" },
  // Attempt-level codes: recorded per provider attempt, never sent to a client on their own.
  upstream_timeout: { status: 504, type: "system", origin: "upstream" },
  upstream_connection_error: { status: 502, type: "system", origin: "upstream" },
  upstream_http_error: { status: 502, type: "system", origin: "upstream" },
  upstream_invalid_response: { status: 502, type: "system", origin: "upstream" },
} as const satisfies Record<string, { status: number; type: "user" | "system"; origin: "user" | "gateway" | "upstream" }>;

export type ErrorCode = keyof typeof ERROR_CODES;

/** One problem with a request, located by JSON path. */
export interface ErrorDetail {
  message: string;
  path: string;
  keyword: string;
  /** Values behind the problem, as the reference's `details[].params` (e.g. `{ provider, model, field, values }`). */
  params?: Record<string, unknown>;
}

/** The flat error body of reference §8. */
export interface ErrorBody {
  generation_id: string | null;
  status_code: number;
  error: ErrorCode;
  error_type: "user" | "system";
  error_origin: "user" | "gateway" | "upstream";
  description: string;
  details?: ErrorDetail[];
  [extra: string]: unknown;
}

/**
 * Bounds of a rendered error body: no client input, however large, makes an error body larger than
 * ERROR_DESCRIPTION_LIMIT + ERROR_DETAILS_LIMIT × 2 × ERROR_DETAIL_FIELD_LIMIT characters plus the
 * fixed fields (~45 KB), and every echoed value is cut at ECHO_LIMIT characters.
 */
export const ERROR_DESCRIPTION_LIMIT = 2_000;
export const ERROR_DETAILS_LIMIT = 40;
export const ERROR_DETAIL_FIELD_LIMIT = 500;

const RETRYABLE_STATUSES = new Set([408, 409, 429]);

/** True for statuses worth trying the next provider for without blaming the request (§5). */
export function isRetryableStatus(status: number): boolean {
  return RETRYABLE_STATUSES.has(status) || status >= 500;
}

/**
 * The error base class.
 *
 * @example
 * throw new GatewayError("model_required", "Set `model` or select a preset.", { details: [...] });
 */
export class GatewayError extends Error {
  override name = "GatewayError";
  readonly code: ErrorCode;
  readonly status: number;
  readonly details: ErrorDetail[] | undefined;
  /** Extra top-level fields of the body (e.g. `reason`, `attempt_count`). */
  readonly extra: Record<string, unknown>;
  /** For upstream attempts: the provider's HTTP status, when there was one. */
  readonly upstreamStatus: number | undefined;

  constructor(code: ErrorCode, message: string, options: { details?: ErrorDetail[]; extra?: Record<string, unknown>; upstreamStatus?: number; status?: number; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.status = options.status ?? ERROR_CODES[code].status;
    this.details = options.details;
    this.extra = options.extra ?? {};
    this.upstreamStatus = options.upstreamStatus;
  }

  /** Whether the next provider should be tried after this attempt failed (§5). */
  get isRetryable(): boolean {
    if (this.code === "upstream_timeout" || this.code === "upstream_connection_error") return true;
    if (this.upstreamStatus !== undefined) return isRetryableStatus(this.upstreamStatus);
    return this.code === "upstream_invalid_response";
  }

  /** `JSON.stringify` calls `toJSON(key)`; the body of an error outside any request names no generation. */
  toJSON(): ErrorBody {
    return this.toBody(null);
  }

  /** The flat error body (§8) of the request `generationId`. */
  toBody(generationId: string | null): ErrorBody {
    const meta = ERROR_CODES[this.code];
    return {
      generation_id: generationId,
      status_code: this.status,
      error: this.code,
      error_type: meta.type,
      error_origin: meta.origin,
      description: truncateEchoes(this.message, ERROR_DESCRIPTION_LIMIT),
      ...(this.details && this.details.length > 0 ? { details: boundedDetails(this.details) } : {}),
      ...boundedExtra(this.extra),
    };
  }
}

/** At most ERROR_DETAILS_LIMIT details, the last saying how many were left out; each field cut. */
function boundedDetails(details: readonly ErrorDetail[]): ErrorDetail[] {
  const kept = details.length > ERROR_DETAILS_LIMIT ? details.slice(0, ERROR_DETAILS_LIMIT - 1) : details;
  const out = kept.map((d) => ({
    ...d,
    message: truncateEchoes(d.message, ERROR_DETAIL_FIELD_LIMIT),
    path: truncateEchoes(d.path, ERROR_DETAIL_FIELD_LIMIT),
    keyword: truncateEchoes(d.keyword, ERROR_DETAIL_FIELD_LIMIT),
  }));
  if (kept.length < details.length) out.push({ message: `and ${details.length - kept.length} more problems`, path: "", keyword: "truncated" });
  return out;
}

/** Extra fields are the gateway's own (reasons, counts); strings among them may still quote input. */
function boundedExtra(extra: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(extra)) out[key] = typeof value === "string" ? truncateEchoes(value, ERROR_DESCRIPTION_LIMIT) : value;
  return out;
}
