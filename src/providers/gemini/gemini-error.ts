// Google's error body ({error:{code,message,status}}) and its mapping to attempt errors, for a
// non-2xx answer and for an error object sent as a `data:` event inside a 200 stream.
import { z } from "zod";
import type { GatewayError } from "../../core/errors.js";
import { upstreamHttpError } from "../upstream-http-error.js";
import { geminiErrorObjectSchema } from "./gemini-api-types.js";

/** The error envelope of Google APIs. */
export const geminiErrorSchema = z.object({ error: geminiErrorObjectSchema });

/**
 * Maps a non-2xx answer; the status is kept so `isRetryable` follows it (429 RESOURCE_EXHAUSTED, 503 UNAVAILABLE → next provider).
 *
 * @example
 * parseGeminiError(503, { error: { code: 503, message: "The model is overloaded.", status: "UNAVAILABLE" } });
 */
export function parseGeminiError(status: number, body: unknown): GatewayError {
  const parsed = geminiErrorSchema.safeParse(body);
  return upstreamHttpError(status, parsed.success ? { message: parsed.data.error.message, type: parsed.data.error.status } : undefined, body);
}

/**
 * Maps an error sent inside a stream: it carries its own HTTP code.
 *
 * @example
 * geminiStreamError({ code: 503, message: "overloaded", status: "UNAVAILABLE" }).isRetryable; // true
 */
export function geminiStreamError(error: z.infer<typeof geminiErrorObjectSchema>): GatewayError {
  return upstreamHttpError(error.code, { message: error.message, type: error.status }, undefined, { in_stream: true });
}
