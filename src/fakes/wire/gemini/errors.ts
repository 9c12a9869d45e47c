// Google's error body `{ "error": { "code", "message", "status", "details"? } }`, with the
// canonical status names per HTTP code and Gemini's own wording for each case.
import type { z } from "zod";
import type { WireErrorCase, WireReply } from "../types.js";

/** google.rpc canonical codes by HTTP status. */
export const GOOGLE_STATUS_NAMES: Record<number, string> = {
  400: "INVALID_ARGUMENT",
  401: "UNAUTHENTICATED",
  403: "PERMISSION_DENIED",
  404: "NOT_FOUND",
  409: "ABORTED",
  429: "RESOURCE_EXHAUSTED",
  499: "CANCELLED",
  500: "INTERNAL",
  501: "UNIMPLEMENTED",
  503: "UNAVAILABLE",
  504: "DEADLINE_EXCEEDED",
};

const DEFAULT_MESSAGES: Record<number, string> = {
  429: "Resource has been exhausted (e.g. check quota).",
  500: "An internal error has occurred. Please retry or report in https://developers.generativeai.google/guide/troubleshooting",
  503: "The model is overloaded. Please try again later.",
  504: "Deadline expired before operation could complete.",
};

interface GoogleError {
  code: number;
  message: string;
  details?: unknown[];
}

function describe(error: WireErrorCase): GoogleError {
  const invalid = (message: string): GoogleError => ({ code: 400, message });
  switch (error.kind) {
    case "missing_key":
      return { code: 403, message: "Method doesn't allow unregistered callers (callers without established identity). Please use API Key or other form of API consumer identity to call this API." };
    case "wrong_key":
      return {
        code: 400,
        message: "API key not valid. Please pass a valid API key.",
        details: [{ "@type": "type.googleapis.com/google.rpc.ErrorInfo", reason: "API_KEY_INVALID", domain: "googleapis.com", metadata: { service: "generativelanguage.googleapis.com" } }],
      };
    case "missing_version":
    case "invalid_json":
      return invalid("Invalid JSON payload received. Unexpected token.");
    case "invalid_request":
      return invalid(error.message);
    case "not_found_path":
      return { code: 404, message: `Method not found: ${error.method} ${error.path}` };
    case "model_not_found":
      return {
        code: 404,
        message: `models/${error.model} is not found for API version v1beta, or is not supported for generateContent. Call ListModels to see the list of available models and their supported methods.`,
      };
    case "structured_output_unsupported":
      return invalid(`JSON mode is not enabled for models/${error.model}`);
    case "max_tokens_too_large":
      return invalid(
        `Unable to submit request because it has a maxOutputTokens value of ${error.requested} but the supported range is from 1 (inclusive) to ${error.limit + 1} (exclusive). Update the value and try again.`,
      );
    case "rate_limited":
      return {
        code: 429,
        message: `You exceeded your current quota, please check your plan and billing details. For more information on this error, head to: https://ai.google.dev/gemini-api/docs/rate-limits. Quota exceeded for metric: generativelanguage.googleapis.com/generate_content_${error.limit === "requests" ? "requests" : "input_token_count"}, limit: ${error.max}, model: ${error.model}`,
        details: [{ "@type": "type.googleapis.com/google.rpc.RetryInfo", retryDelay: `${Math.max(1, Math.ceil(error.retryAfterMs / 1000))}s` }],
      };
    case "overloaded":
      return { code: 503, message: DEFAULT_MESSAGES[503] as string };
    case "status":
      return { code: error.status, message: error.message ?? DEFAULT_MESSAGES[error.status] ?? (error.status >= 500 ? (DEFAULT_MESSAGES[500] as string) : "Request contains an invalid argument.") };
  }
}

/** The canonical status name of an HTTP code (unknown 4xx → FAILED_PRECONDITION, 5xx → INTERNAL). */
export function googleStatusName(code: number): string {
  return GOOGLE_STATUS_NAMES[code] ?? (code >= 500 ? "INTERNAL" : "FAILED_PRECONDITION");
}

/** The `error` object of a body or of a mid-stream `data:` event. */
export function geminiErrorObject(error: WireErrorCase) {
  const d = describe(error);
  return { code: d.code, message: d.message, status: googleStatusName(d.code), ...(d.details ? { details: d.details } : {}) };
}

/**
 * The full HTTP error answer.
 *
 * @example
 * geminiErrorReply({ kind: "overloaded" }, "r").body; // { error: { code: 503, message: "The model is overloaded…", status: "UNAVAILABLE" } }
 */
export function geminiErrorReply(error: WireErrorCase, requestId: string): WireReply {
  const body = { error: geminiErrorObject(error) };
  return { status: body.error.code, headers: { "content-type": "application/json; charset=UTF-8", "x-request-id": requestId }, body };
}

/** Google's wording for a body field it does not know or whose value is wrong. */
export function geminiIssueError(issue: z.core.$ZodIssue): WireErrorCase {
  const at = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    const key = [...issue.path.map(String), issue.keys[0] ?? ""].join(".");
    return { kind: "invalid_request", message: `Invalid JSON payload received. Unknown name "${issue.keys[0] ?? ""}" at '${key}': Cannot find field.`, param: null, code: null };
  }
  return { kind: "invalid_request", message: `* GenerateContentRequest.${at}: ${issue.message}`, param: null, code: null };
}
