// Bedrock's errors: the exception name in `x-amzn-errortype` (and, for the SDK, the body's
// `__type`-less `{ "message" }`), one HTTP status per exception, as the Converse API documents them.
import type { z } from "zod";
import type { WireErrorCase, WireReply } from "../types.js";

/** Converse exceptions by HTTP status (the service's error table). */
export const BEDROCK_EXCEPTIONS: Record<number, { type: string; message: string }> = {
  400: { type: "ValidationException", message: "Malformed input request, please reformat your input and try again." },
  403: { type: "AccessDeniedException", message: "You don't have access to the model with the specified model ID." },
  404: { type: "ResourceNotFoundException", message: "The requested resource could not be found." },
  408: { type: "ModelTimeoutException", message: "Model has timed out in processing the request. Try your request again." },
  424: { type: "ModelErrorException", message: "The model encountered an error while processing the request." },
  429: { type: "ThrottlingException", message: "Too many requests, please wait before trying again." },
  500: { type: "InternalServerException", message: "The server encountered an internal error while processing the request." },
  503: { type: "ServiceUnavailableException", message: "The service isn't currently available. Try again later." },
};

function describe(error: WireErrorCase): { status: number; type: string; message: string } {
  switch (error.kind) {
    case "missing_key":
      return { status: 403, type: "MissingAuthenticationTokenException", message: "Missing Authentication Token" };
    case "wrong_key":
      return { status: 403, type: "UnrecognizedClientException", message: "The security token included in the request is invalid." };
    case "missing_version":
    case "invalid_json":
      return { status: 400, type: "SerializationException", message: "Start of structure or map found where not expected." };
    case "invalid_request":
      return { status: 400, type: "ValidationException", message: error.message };
    case "not_found_path":
      return { status: 404, type: "UnknownOperationException", message: `Unknown operation ${error.method} ${error.path}` };
    case "model_not_found":
      return { status: 400, type: "ValidationException", message: "The provided model identifier is invalid." };
    case "structured_output_unsupported":
      return { status: 400, type: "ValidationException", message: `This model doesn't support the outputConfig.textFormat field: ${error.model}` };
    case "max_tokens_too_large":
      return {
        status: 400,
        type: "ValidationException",
        message: `The maximum tokens you requested exceeds the model limit of ${error.limit}. Try again with a maximum tokens value that is lower than ${error.limit}.`,
      };
    case "rate_limited":
      return {
        status: 429,
        type: "ThrottlingException",
        message: error.limit === "requests" ? "Too many requests, please wait before trying again." : "Too many tokens, please wait before trying again.",
      };
    case "overloaded":
      return { status: 503, ...(BEDROCK_EXCEPTIONS[503] as { type: string; message: string }) };
    case "status": {
      const known = BEDROCK_EXCEPTIONS[error.status] ?? (error.status >= 500 ? BEDROCK_EXCEPTIONS[500] : BEDROCK_EXCEPTIONS[400]);
      return { status: error.status, type: known?.type ?? "InternalServerException", message: error.message ?? known?.message ?? "Error" };
    }
  }
}

/** The exception name and message, for error bodies and stream exception frames. */
export function bedrockException(error: WireErrorCase): { type: string; message: string } {
  const d = describe(error);
  return { type: d.type, message: d.message };
}

/**
 * The full HTTP error answer.
 *
 * @example
 * bedrockErrorReply({ kind: "overloaded" }, "r").headers["x-amzn-errortype"]; // "ServiceUnavailableException:http://internal.amazon.com/coral/com.amazon.bedrock/"
 */
export function bedrockErrorReply(error: WireErrorCase, requestId: string): WireReply {
  const d = describe(error);
  return {
    status: d.status,
    headers: {
      "content-type": "application/json",
      "x-amzn-requestid": requestId,
      "x-amzn-errortype": `${d.type}:http://internal.amazon.com/coral/com.amazon.bedrock/`,
    },
    body: { message: d.message },
  };
}

/** Bedrock's validation wording: "1 validation error detected: Value at 'x' failed to satisfy constraint: …". */
export function bedrockIssueError(issue: z.core.$ZodIssue): WireErrorCase {
  const at = issue.path.map(String).join(".");
  if (issue.code === "unrecognized_keys") {
    return {
      kind: "invalid_request",
      message: `Malformed input request: extraneous key [${issue.keys[0] ?? ""}] is not permitted, please reformat your input and try again.`,
      param: null,
      code: null,
    };
  }
  return { kind: "invalid_request", message: `1 validation error detected: Value at '${at}' failed to satisfy constraint: ${issue.message}`, param: null, code: null };
}
