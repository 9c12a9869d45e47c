// The OpenAI error body ({error:{message,type,param,code}}) and its mapping to attempt errors, for
// both a non-2xx answer and an error sent inside a 200 stream (`data: {"error":{…}}`).
import { z } from "zod";
import type { GatewayError } from "../../core/errors.js";
import { upstreamHttpError, type ProviderErrorInfo } from "../upstream-http-error.js";

/** The error envelope of every OpenAI(-compatible) endpoint. */
export const openAiChatErrorSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().nullish(),
    param: z.string().nullish(),
    // Compatible providers sometimes send a numeric code.
    code: z.union([z.string(), z.number().transform(String)]).nullish(),
  }),
});
export type OpenAiChatErrorBody = z.infer<typeof openAiChatErrorSchema>;

/**
 * Maps a non-2xx answer; the status is kept so `isRetryable` follows it (429/5xx → next provider).
 *
 * @example
 * parseOpenAiChatError(429, { error: { message: "Rate limit reached", type: "requests", param: null, code: "rate_limit_exceeded" } });
 */
export function parseOpenAiChatError(status: number, body: unknown): GatewayError {
  const parsed = openAiChatErrorSchema.safeParse(body);
  return upstreamHttpError(status, parsed.success ? parsed.data.error : undefined, body);
}

/**
 * Maps an error object sent inside a stream. It carries no HTTP status, so one is inferred from its
 * type: rate limits 429, invalid requests 400, anything else 500 (the provider failed mid-answer).
 *
 * @example
 * openAiChatStreamError({ message: "The server had an error", type: "server_error" }).upstreamStatus; // 500
 */
export function openAiChatStreamError(info: ProviderErrorInfo): GatewayError {
  return upstreamHttpError(inferStreamErrorStatus(info), info, undefined, { in_stream: true });
}

function inferStreamErrorStatus(info: ProviderErrorInfo): number {
  if (info.code === "rate_limit_exceeded" || info.type === "rate_limit_exceeded") return 429;
  if (info.type === "invalid_request_error") return 400;
  return 500;
}
