// Anthropic's error bodies (`{ "type": "error", "error": { "type", "message" }, "request_id" }`)
// and the error type each status carries, 529 `overloaded_error` included.
import type { z } from "zod";
import type { WireErrorCase, WireReply } from "../types.js";

const BY_STATUS: Record<number, { type: string; message: string }> = {
  400: { type: "invalid_request_error", message: "Bad request" },
  401: { type: "authentication_error", message: "invalid x-api-key" },
  402: { type: "billing_error", message: "Your credit balance is too low to access the Anthropic API." },
  403: { type: "permission_error", message: "Your API key does not have permission to use the specified resource." },
  404: { type: "not_found_error", message: "Not found" },
  413: { type: "request_too_large", message: "Request exceeds the maximum allowed number of bytes." },
  429: { type: "rate_limit_error", message: "Number of requests has exceeded your rate limit. Please try again later." },
  500: { type: "api_error", message: "Internal server error" },
  504: { type: "timeout_error", message: "Request timed out" },
  529: { type: "overloaded_error", message: "Overloaded" },
};

/** The error type and message for a status (unknown 4xx → invalid_request_error, 5xx → api_error). */
export function anthropicErrorForStatus(status: number): { type: string; message: string } {
  return BY_STATUS[status] ?? (status >= 500 ? { type: "api_error", message: "Internal server error" } : { type: "invalid_request_error", message: "Bad request" });
}

function describe(error: WireErrorCase): { status: number; type: string; message: string } {
  const invalid = (message: string) => ({ status: 400, type: "invalid_request_error", message });
  switch (error.kind) {
    case "missing_key":
      return { status: 401, type: "authentication_error", message: "x-api-key header is required" };
    case "wrong_key":
      return { status: 401, type: "authentication_error", message: "invalid x-api-key" };
    case "missing_version":
      return invalid("anthropic-version: header is required");
    case "invalid_json":
      return invalid("There was an error parsing the body of your request. The body must be valid JSON.");
    case "invalid_request":
      return invalid(error.message);
    case "not_found_path":
      return { status: 404, type: "not_found_error", message: "Not Found" };
    case "model_not_found":
      return { status: 404, type: "not_found_error", message: `model: ${error.model}` };
    case "structured_output_unsupported":
      return invalid(`'${error.model}' does not support output format.`);
    case "max_tokens_too_large":
      return invalid(`max_tokens: ${error.requested} > ${error.limit}, which is the maximum allowed number of output tokens for ${error.model}`);
    case "rate_limited": {
      const unit = error.limit === "requests" ? "requests per minute" : "input tokens per minute";
      return {
        status: 429,
        type: "rate_limit_error",
        message: `This request would exceed the rate limit for your organization of ${error.max} ${unit}. For details, refer to: https://docs.claude.com/en/api/rate-limits. You can see the response headers for current usage. Please reduce the prompt length or the maximum tokens requested, or try again later.`,
      };
    }
    case "overloaded":
      return { status: 529, ...anthropicErrorForStatus(529) };
    case "status": {
      const known = anthropicErrorForStatus(error.status);
      return { status: error.status, type: known.type, message: error.message ?? known.message };
    }
  }
}

/**
 * The full HTTP error answer.
 *
 * @example
 * anthropicErrorReply({ kind: "overloaded" }, "req_1").status; // 529
 */
export function anthropicErrorReply(error: WireErrorCase, requestId: string): WireReply {
  const d = describe(error);
  return {
    status: d.status,
    headers: { "content-type": "application/json", "request-id": requestId },
    body: { type: "error", error: { type: d.type, message: d.message }, request_id: requestId },
  };
}

/** Pydantic-style wording: "messages.0.content: Input should be a valid string". */
export function anthropicIssueError(issue: z.core.$ZodIssue, input: unknown): WireErrorCase {
  const at = (path: readonly PropertyKey[]) => path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    return { kind: "invalid_request", message: `${at([...issue.path, issue.keys[0] ?? ""])}: Extra inputs are not permitted`, param: null, code: null };
  }
  const value = issue.path.reduce<unknown>((node, key) => (typeof node === "object" && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined), input);
  let message: string;
  if (value === undefined && (issue.code === "invalid_type" || issue.code === "invalid_union")) message = "Field required";
  else if (issue.code === "invalid_type") message = `Input should be a valid ${issue.expected === "int" ? "integer" : issue.expected}`;
  else if (issue.code === "too_small" && Array.isArray(value)) message = `List should have at least ${String(issue.minimum)} item after validation, not ${value.length}`;
  else if (issue.code === "too_small") message = `Input should be greater than or equal to ${String(issue.minimum)}`;
  else if (issue.code === "too_big") message = `Input should be less than or equal to ${String(issue.maximum)}`;
  else message = issue.message;
  return { kind: "invalid_request", message: `${at(issue.path)}: ${message}`, param: null, code: null };
}
