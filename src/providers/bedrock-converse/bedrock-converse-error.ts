// Bedrock's error body ({message}) and exception frames, mapped to attempt errors. The exception
// name travels in `x-amzn-errortype`, which parseError does not see; the status says as much (the
// service maps each exception to one status).
import { z } from "zod";
import type { GatewayError } from "../../core/errors.js";
import { upstreamHttpError } from "../upstream-http-error.js";
import { bedrockExceptionSchema } from "./bedrock-converse-api-types.js";

/** The exception each status stands for (Converse's error table). */
export const BEDROCK_EXCEPTION_BY_STATUS: Record<number, string> = {
  400: "ValidationException",
  403: "AccessDeniedException",
  404: "ResourceNotFoundException",
  408: "ModelTimeoutException",
  424: "ModelErrorException",
  429: "ThrottlingException",
  500: "InternalServerException",
  503: "ServiceUnavailableException",
};

/** The status of each exception a ConverseStream can send mid-stream. */
export const BEDROCK_STREAM_EXCEPTION_STATUS: Record<string, number> = {
  internalServerException: 500,
  modelStreamErrorException: 424,
  validationException: 400,
  throttlingException: 429,
  serviceUnavailableException: 503,
};

/**
 * Maps a non-2xx answer; the status is kept so `isRetryable` follows it.
 *
 * @example
 * parseBedrockConverseError(429, { message: "Too many requests, please wait before trying again." });
 */
export function parseBedrockConverseError(status: number, body: unknown): GatewayError {
  const parsed = bedrockExceptionSchema.safeParse(body);
  const message = parsed.success ? (parsed.data.message ?? parsed.data.Message) : undefined;
  return upstreamHttpError(status, message !== undefined ? { message, type: BEDROCK_EXCEPTION_BY_STATUS[status] } : undefined, body);
}

/**
 * Maps an exception frame of a stream (`:exception-type`, `{message}` payload); unknown types are 500.
 *
 * @example
 * bedrockStreamError("throttlingException", { message: "Too many requests" }).upstreamStatus; // 429
 */
export function bedrockStreamError(type: string, payload: z.infer<typeof bedrockExceptionSchema>): GatewayError {
  const status = BEDROCK_STREAM_EXCEPTION_STATUS[type] ?? 500;
  return upstreamHttpError(status, { message: payload.message ?? payload.Message ?? type, type }, undefined, { in_stream: true });
}
