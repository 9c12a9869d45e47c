// OpenAI's error bodies and statuses, worded as the API words them:
// `{ "error": { "message", "type", "param", "code" } }`.
import type { WireErrorCase, WireReply } from "../types.js";

interface OpenAiError {
  status: number;
  message: string;
  type: string;
  param?: string | null;
  code?: string | null;
}

/** Bodies for injected HTTP errors, by status. */
const BY_STATUS: Record<number, { message: string; type: string; code?: string }> = {
  400: { message: "Bad request.", type: "invalid_request_error" },
  401: { message: "Incorrect API key provided.", type: "invalid_request_error", code: "invalid_api_key" },
  403: { message: "You are not allowed to sample from this model", type: "invalid_request_error" },
  404: { message: "Not found.", type: "invalid_request_error" },
  408: { message: "Request timed out.", type: "timeout" },
  409: { message: "Conflict.", type: "invalid_request_error" },
  429: { message: "Rate limit reached. Please try again later.", type: "requests", code: "rate_limit_exceeded" },
  500: { message: "The server had an error while processing your request. Sorry about that!", type: "server_error" },
  502: { message: "Bad gateway.", type: "server_error" },
  503: { message: "The engine is currently overloaded, please try again later.", type: "server_error" },
  504: { message: "Gateway timeout.", type: "server_error" },
};

function mask(key: string): string {
  return key.length <= 8 ? "***" : `${key.slice(0, 3)}***${key.slice(-4)}`;
}

/** OpenAI's "Please try again in 1.5s" figure. */
function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(3))}s`;
}

function describe(error: WireErrorCase): OpenAiError {
  switch (error.kind) {
    case "missing_key":
      return {
        status: 401,
        type: "invalid_request_error",
        message:
          "You didn't provide an API key. You need to provide your API key in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY). You can obtain an API key from https://platform.openai.com/account/api-keys.",
      };
    case "wrong_key":
      return {
        status: 401,
        type: "invalid_request_error",
        code: "invalid_api_key",
        message: `Incorrect API key provided: ${mask(error.key)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
      };
    case "missing_version":
    case "invalid_json":
      return {
        status: 400,
        type: "invalid_request_error",
        message:
          "We could not parse the JSON body of your request. (HINT: This likely means you aren't using your HTTP library correctly. The OpenAI API expects a JSON payload, but what was sent was not valid JSON.)",
      };
    case "invalid_request":
      return { status: 400, type: "invalid_request_error", message: error.message, param: error.param, code: error.code };
    case "not_found_path":
      return { status: 404, type: "invalid_request_error", message: `Invalid URL (${error.method} ${error.path})` };
    case "model_not_found":
      return { status: 404, type: "invalid_request_error", code: "model_not_found", message: `The model \`${error.model}\` does not exist or you do not have access to it.` };
    case "structured_output_unsupported":
      return { status: 400, type: "invalid_request_error", param: "response_format", message: "Invalid parameter: 'response_format' of type 'json_schema' is not supported with this model." };
    case "max_tokens_too_large":
      return {
        status: 400,
        type: "invalid_request_error",
        param: "max_tokens",
        code: "invalid_value",
        message: `max_tokens is too large: ${error.requested}. This model supports at most ${error.limit} completion tokens, whereas you provided ${error.requested}.`,
      };
    case "rate_limited": {
      const unit = error.limit === "requests" ? "requests per min (RPM)" : "tokens per min (TPM)";
      return {
        status: 429,
        type: error.limit,
        code: "rate_limit_exceeded",
        message: `Rate limit reached for ${error.model} in organization org-gateway-sim on ${unit}: Limit ${error.max}, Used ${error.used}, Requested ${error.requested}. Please try again in ${seconds(error.retryAfterMs)}. Visit https://platform.openai.com/account/rate-limits to learn more.`,
      };
    }
    case "overloaded":
      return { status: 503, type: "server_error", message: "The server is overloaded or not ready yet." };
    case "status": {
      const known = BY_STATUS[error.status] ?? (error.status >= 500 ? BY_STATUS[500] : BY_STATUS[400]);
      return { status: error.status, type: known?.type ?? "server_error", code: known?.code ?? null, message: error.message ?? known?.message ?? "Error" };
    }
  }
}

/** The `error` object OpenAI sends, for bodies and mid-stream error events. */
export function openAiErrorObject(error: WireErrorCase): { message: string; type: string; param: string | null; code: string | null } {
  const d = describe(error);
  return { message: d.message, type: d.type, param: d.param ?? null, code: d.code ?? null };
}

/**
 * The full HTTP error answer.
 *
 * @example
 * openAiErrorReply({ kind: "overloaded" }, "req_1").status; // 503
 */
export function openAiErrorReply(error: WireErrorCase, requestId: string): WireReply {
  const headers: Record<string, string> = { "content-type": "application/json", "x-request-id": requestId };
  return { status: describe(error).status, headers, body: { error: openAiErrorObject(error) } };
}
