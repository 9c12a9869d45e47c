// The gateway's request boundary: an unknown JSON body in, a normalised ResponsesRequest or one
// 400 GatewayError out, listing every problem at once.
import { GatewayError, type ErrorDetail } from "../../core/errors.js";
import { issuesToDetails } from "./issue-details.js";
import { parseModelReference } from "./model-reference.js";
import { findUnsupportedRoutingFilters } from "./provider-preferences.js";
import { responsesRequestSchema, type ResponsesRequest } from "./responses-request-schema.js";
import { validationError } from "./validation-error.js";

export type ParseRequestResult = { ok: true; request: ResponsesRequest } | { ok: false; error: GatewayError };

/**
 * Validates and normalises a `POST /v1/responses` body.
 * - unsupported routing filters → 400 `unsupported_routing_filter` (checked first: a clear "remove this");
 * - any invalid field → 400 `validation_error` with one `details[]` entry per problem;
 * - neither `model` nor a preset → 400 `model_required`.
 *
 * @example
 * const parsed = parseResponsesRequest({ model: "openai/gpt-5.4-nano", input: "Hi" });
 * if (!parsed.ok) return parsed.error.toBody(null);
 */
export function parseResponsesRequest(body: unknown): ParseRequestResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, error: validationError([{ message: "the request body must be a JSON object", path: "", keyword: "type" }]) };
  }
  const raw = body as Record<string, unknown>;
  const unsupported = unsupportedFilterDetails(raw);
  if (unsupported.length > 0) {
    const names = unsupported.map((d) => d.path).join(", ");
    return {
      ok: false,
      error: new GatewayError("unsupported_routing_filter", `Unsupported routing filter${unsupported.length > 1 ? "s" : ""}: ${names}. The gateway rejects these rather than ignoring them; remove them.`, { details: unsupported }),
    };
  }
  const parsed = responsesRequestSchema.safeParse(raw, { reportInput: true });
  const details = [...(parsed.success ? [] : issuesToDetails(parsed.error.issues)), ...crossFieldDetails(raw)];
  const noModel = raw["model"] == null && raw["preset"] == null;
  if (details.length > 0) {
    if (noModel) details.push(modelRequiredDetail());
    return { ok: false, error: validationError(details) };
  }
  if (noModel || !parsed.success) {
    return { ok: false, error: new GatewayError("model_required", modelRequiredDetail().message, { details: [modelRequiredDetail()] }) };
  }
  return { ok: true, request: parsed.data };
}

function unsupportedFilterDetails(raw: Record<string, unknown>): ErrorDetail[] {
  return (["provider", "routing"] as const).flatMap((field) =>
    findUnsupportedRoutingFilters(raw[field]).map(({ key, filter }) => ({
      message: `routing filter "${filter}" is not supported`,
      path: `${field}.${key}`,
      keyword: "unsupported_routing_filter",
    })),
  );
}

/** Rules spanning two fields; read from the raw body so they are reported alongside field errors. */
function crossFieldDetails(raw: Record<string, unknown>): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  const model = raw["model"];
  const preset = raw["preset"];
  if (typeof model === "string" && typeof preset === "string") {
    const reference = parseModelReference(model);
    const named = preset.trim().replace(/^@/, "");
    if (reference.ok && reference.reference.kind === "preset" && reference.reference.preset !== named) {
      details.push({ message: `model selects preset "${reference.reference.preset}" but preset is "${named}"; name one preset`, path: "model", keyword: "preset_conflict" });
    }
  }
  const text = raw["text"];
  const textFormat = typeof text === "object" && text !== null ? (text as Record<string, unknown>)["format"] : undefined;
  if (raw["response_format"] != null && textFormat != null) {
    details.push({ message: "set the output format once: response_format or text.format, not both", path: "text.format", keyword: "conflicting_response_format" });
  }
  return details;
}

function modelRequiredDetail(): ErrorDetail {
  return { message: 'Set "model" (e.g. "openai/gpt-5.4-nano") or select a preset with "preset" or "model": "@slug".', path: "model", keyword: "model_required" };
}
