// The Anthropic error body ({type:"error", error:{type,message}, request_id}) and its mapping to
// attempt errors, for a non-2xx answer and for an `event: error` inside a 200 stream.
import { z } from "zod";
import type { GatewayError } from "../../core/errors.js";
import { upstreamHttpError } from "../upstream-http-error.js";
import { anthropicErrorObjectSchema } from "./anthropic-messages-api-types.js";

/** The error envelope of the Messages API. */
export const anthropicErrorSchema = z.object({
  type: z.literal("error"),
  error: anthropicErrorObjectSchema,
  request_id: z.string().nullish(),
});
export type AnthropicErrorBody = z.infer<typeof anthropicErrorSchema>;

/** The HTTP status Anthropic documents for each error type (used for errors sent inside a stream). */
export const ANTHROPIC_ERROR_STATUS = {
  invalid_request_error: 400,
  authentication_error: 401,
  billing_error: 402,
  permission_error: 403,
  not_found_error: 404,
  conflict_error: 409,
  request_too_large: 413,
  rate_limit_error: 429,
  api_error: 500,
  timeout_error: 504,
  overloaded_error: 529,
} as const satisfies Record<string, number>;

/**
 * Maps a non-2xx answer; the status is kept so `isRetryable` follows it (429/5xx/529 → next provider).
 *
 * @example
 * parseAnthropicMessagesError(529, { type: "error", error: { type: "overloaded_error", message: "Overloaded" } });
 */
export function parseAnthropicMessagesError(status: number, body: unknown): GatewayError {
  const parsed = anthropicErrorSchema.safeParse(body);
  return upstreamHttpError(status, parsed.success ? parsed.data.error : undefined, body);
}

/**
 * Maps an `event: error` of a stream. It arrives after a 200, so the status comes from the error type
 * (overloaded_error → 529, retryable); an unknown type counts as a server failure (500).
 *
 * @example
 * anthropicStreamError({ type: "overloaded_error", message: "Overloaded" }).isRetryable; // true
 */
export function anthropicStreamError(error: z.infer<typeof anthropicErrorObjectSchema>): GatewayError {
  const status = Object.hasOwn(ANTHROPIC_ERROR_STATUS, error.type) ? ANTHROPIC_ERROR_STATUS[error.type as keyof typeof ANTHROPIC_ERROR_STATUS] : 500;
  return upstreamHttpError(status, error, undefined, { in_stream: true });
}
