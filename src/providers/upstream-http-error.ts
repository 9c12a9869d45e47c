// The one constructor of "the provider answered with an error" attempt errors, shared by every
// adapter so the message, the kept status (which drives isRetryable) and the extra fields agree.
import { GatewayError } from "../core/errors.js";
import { snippet } from "./parse-upstream.js";

/** What an adapter could read from a provider's error body. */
export interface ProviderErrorInfo {
  message: string;
  type?: string | null | undefined;
  code?: string | null | undefined;
  param?: string | null | undefined;
}

/**
 * An `upstream_http_error` keeping the provider's status; `info` is the parsed error body, or
 * undefined when the body was not the wire format (then `rawBody` gives the message). `extra` adds
 * fields to the error body (e.g. `in_stream: true` for an error sent inside a 200 stream).
 *
 * @example
 * upstreamHttpError(429, { message: "Rate limit reached", type: "requests", code: "rate_limit_exceeded" }, body);
 */
export function upstreamHttpError(status: number, info: ProviderErrorInfo | undefined, rawBody: unknown, extra: Record<string, unknown> = {}): GatewayError {
  const upstreamError: Record<string, string> = {};
  if (info?.type) upstreamError.type = info.type;
  if (info?.code) upstreamError.code = info.code;
  if (info?.param) upstreamError.param = info.param;
  return new GatewayError("upstream_http_error", info?.message ?? fallbackMessage(status, rawBody), {
    upstreamStatus: status,
    extra: { ...(Object.keys(upstreamError).length > 0 ? { upstream_error: upstreamError } : {}), ...extra },
  });
}

function fallbackMessage(status: number, rawBody: unknown): string {
  if (typeof rawBody === "string" && rawBody.trim() !== "") return `HTTP ${status}: ${snippet(rawBody)}`;
  if (rawBody !== undefined && rawBody !== null && typeof rawBody !== "string") return `HTTP ${status}: ${snippet(JSON.stringify(rawBody))}`;
  return `HTTP ${status} with an empty body`;
}
