// The gateway's request boundary: an unknown JSON body in, a normalised ResponsesRequest or one
// 400 GatewayError out, listing every problem at once. Follows the reference's order: schema, then
// the unsupported routing filters (before/index.ts:272, 620-637).
import { GatewayError, type ErrorDetail } from "../../core/errors.js";
import { issuesToDetails } from "./issue-details.js";
import { parseModelReference } from "./model-reference.js";
import { findUnsupportedRoutingFilters, PROVIDER_KEYS, readSortMode, SORT_ALIASES } from "./provider-preferences.js";
import { fastRequestBody } from "./fast-request-body.js";
import { BODY_KEYS, requestSchemaOf, type ResponsesRequest } from "./responses-request-schema.js";
import { validationError } from "./validation-error.js";

export type ParseRequestResult = { ok: true; request: ResponsesRequest; warnings: string[] } | { ok: false; error: GatewayError };

/** The request-contract rules that differ between the reference's code and its documentation. */
export interface ParseRequestOptions {
  /** `ignore`: the body field `preset` is never read and `model` is required (reference); `select`: it selects a preset (documented). */
  presetField: "ignore" | "select";
  /** `balanced`: an unknown sort ranks balanced, no 400 (reference); `reject`: 400 (documented). */
  unknownSort: "balanced" | "reject";
  /**
   * Unknown top-level, `provider` and `routing` keys: `ignore` (reference: its schemas pass them through;
   * gateway-sim drops them and says so in the diagnostics) or `reject` (400 unknown_parameter).
   */
  unknownFields: "ignore" | "reject";
}

/** The reference's behaviour, for callers without settings. */
export const REFERENCE_PARSE_OPTIONS: ParseRequestOptions = { presetField: "ignore", unknownSort: "balanced", unknownFields: "ignore" };

/** Why each unsupported filter is refused (requestRouting.ts:518-541). */
const UNSUPPORTED_REASONS: Record<string, string> = {
  data_collection: "routing by a provider's data-collection policy is not backed by provider metadata in the gateway",
  enforce_distillable_text: "routing by distillable-text policy is not backed by provider metadata in the gateway",
  quantizations: "routing by quantization is not backed by provider metadata in the gateway",
};

/**
 * Validates and normalises a `POST /v1/responses` body.
 * - any invalid field → 400 `validation_error` with one `details[]` entry per problem;
 * - no `model` → 400 `validation_error` (reference; the description names `model: "@slug"` when a
 *   `preset` field was sent) or, under `presetField: select` with no preset either, 400 `model_required`;
 * - unsupported routing filters → 400 `validation_error`, keyword `unsupported_routing_filter`, one detail per field.
 *
 * @example
 * const parsed = parseResponsesRequest({ model: "openai/gpt-5.4-nano", input: "Hi" });
 * if (!parsed.ok) return parsed.error.toBody(null);
 */
export function parseResponsesRequest(body: unknown, options: ParseRequestOptions = REFERENCE_PARSE_OPTIONS): ParseRequestResult {
  return parseWith(body, options, true);
}

/**
 * {@link parseResponsesRequest} with the schema alone, never the fast path: the reference the
 * equivalence test holds the fast path to. Not for the pipeline.
 */
export function parseResponsesRequestBySchema(body: unknown, options: ParseRequestOptions = REFERENCE_PARSE_OPTIONS): ParseRequestResult {
  return parseWith(body, options, false);
}

function parseWith(body: unknown, options: ParseRequestOptions, fastPath: boolean): ParseRequestResult {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, error: validationError([{ message: "the request body must be a JSON object", path: "", keyword: "type" }]) };
  }
  const original = body as Record<string, unknown>;
  const dropped: string[] = [];
  let raw = options.unknownFields === "ignore" ? withoutUnknownFields(original, dropped) : original;
  // A field the gateway never reads is not validated either: only its presence is reported.
  if (options.presetField === "ignore" && raw["preset"] !== undefined) {
    const { preset: _unread, ...rest } = raw;
    raw = rest;
  }
  // The common bodies skip zod; the fast path gives the schema's output or nothing, so errors still come from zod.
  const fast = fastPath ? fastRequestBody(raw) : undefined;
  const parsed = fast !== undefined ? { success: true as const, data: fast } : requestSchemaOf(raw).safeParse(raw, { reportInput: true });
  const details = parsed.success ? [] : issuesToDetails(parsed.error.issues);
  addCrossFieldDetails(raw, options, details);
  addUnknownSortDetail(raw, options, details);
  const selectsByField = options.presetField === "select" && raw["preset"] != null;
  const noModel = raw["model"] == null && !selectsByField;
  if (noModel && !details.some((d) => d.path === "model")) details.unshift(modelRequiredDetail(original, options));
  if (parsed.success && details.length === 0) addUnsupportedFilterDetails(raw, details);
  if (details.length > 0) {
    // Documented mode keeps its own code for "no model and no preset".
    if (noModel && options.presetField === "select" && details.length === 1) {
      return { ok: false, error: new GatewayError("model_required", modelRequiredDetail(original, options).message, { details }) };
    }
    return { ok: false, error: validationError(details) };
  }
  if (!parsed.success) return { ok: false, error: validationError([modelRequiredDetail(original, options)]) };
  const result = ignorePresetField(parsed.data, original, options);
  if (result.ok && dropped.length > 0) result.warnings.push(unknownFieldsWarning(dropped));
  return result;
}

/**
 * The body without the keys the schemas do not know (top level, `provider`, `routing`), naming each
 * in `dropped`. Copies only when something is dropped: most bodies pass through untouched.
 */
function withoutUnknownFields(body: Record<string, unknown>, dropped: string[]): Record<string, unknown> {
  let out = body;
  // for…in over own keys (what Object.keys lists, in its order, without the array): every body passes here.
  for (const key in body) {
    if (!Object.hasOwn(body, key) || BODY_KEYS.has(key)) continue;
    if (out === body) out = { ...body };
    delete out[key];
    dropped.push(key);
  }
  for (const field of ["provider", "routing"] as const) {
    const hints = asObject(out[field]);
    if (!hints) continue;
    let copy: Record<string, unknown> | undefined;
    for (const key in hints) {
      if (!Object.hasOwn(hints, key) || PROVIDER_KEYS.has(key)) continue;
      copy ??= { ...hints };
      delete copy[key];
      dropped.push(`${field}.${key}`);
    }
    if (copy) {
      if (out === body) out = { ...body };
      out[field] = copy;
    }
  }
  return out;
}

function unknownFieldsWarning(dropped: string[]): string {
  const names = dropped.map((d) => `"${d}"`).join(", ");
  return `Unknown field${dropped.length > 1 ? "s" : ""} ${names}: the reference gateway accepts and ignores ${dropped.length > 1 ? "them" : "it"} (its request schemas pass unknown keys through), so ${dropped.length > 1 ? "they have" : "it has"} no effect; check the spelling. (settings.request.unknownFields: reject, or fidelity: documented, answers 400 unknown_parameter.)`;
}

/** Under `presetField: ignore` a `preset` beside a `model` changes nothing, and the warning says so. */
function ignorePresetField(request: ResponsesRequest, raw: Record<string, unknown>, options: ParseRequestOptions): ParseRequestResult {
  if (options.presetField === "select" || raw["preset"] == null) return { ok: true, request, warnings: [] };
  const field = raw["preset"];
  const named = typeof field === "string" ? field.trim().replace(/^@/, "") : "slug";
  const model = typeof raw["model"] === "string" ? parseModelReference(raw["model"]) : undefined;
  const viaModel = model?.ok && model.reference.kind === "preset" ? model.reference.preset : undefined;
  const warning =
    `The body field "preset": "${named}" is not read by the reference gateway (it selects presets only through model: "@slug"), ` +
    `so ${viaModel === undefined ? `preset "${named}" was NOT applied` : `only the preset "${viaModel}" named by model applies`}. ` +
    `Select it with model: "@${named}" (settings.request.presetField: select, or fidelity: documented, reads the field).`;
  return { ok: true, request: { ...request, preset: viaModel, presetSource: viaModel === undefined ? undefined : "model" }, warnings: [warning] };
}

function modelRequiredDetail(raw: Record<string, unknown>, options: ParseRequestOptions): ErrorDetail {
  const preset = raw["preset"];
  if (options.presetField === "ignore" && typeof preset === "string") {
    const slug = preset.trim().replace(/^@/, "");
    return {
      message: `required: the gateway selects presets only through "model", and the body field "preset" is not read (production answers this body with 400). Select the preset with model: "@${slug}".`,
      path: "model",
      keyword: "required",
      params: { preset: slug, documented_form: "preset", reference_form: `@${slug}` },
    };
  }
  if (options.presetField === "ignore") return { message: 'required: set "model" (e.g. "openai/gpt-5.4-nano", or "@slug" to select a preset)', path: "model", keyword: "required" };
  return { message: 'Set "model" (e.g. "openai/gpt-5.4-nano") or select a preset with "preset" or "model": "@slug".', path: "model", keyword: "model_required" };
}

function addUnsupportedFilterDetails(raw: Record<string, unknown>, details: ErrorDetail[]): void {
  // Indexed loops: every body passes here, and iterators would be allocated for lists that are nearly always empty.
  for (let f = 0; f < HINT_FIELDS.length; f++) {
    const field = HINT_FIELDS[f] as (typeof HINT_FIELDS)[number];
    const found = findUnsupportedRoutingFilters(raw[field]);
    for (let i = 0; i < found.length; i++) {
      const { key, filter } = found[i] as (typeof found)[number];
      details.push({
        message: `${UNSUPPORTED_REASONS[filter] ?? "not supported"}; the gateway refuses "${filter}" rather than ignoring it: remove it`,
        path: `${field}.${key}`,
        keyword: "unsupported_routing_filter",
        params: { field: filter },
      });
    }
  }
}

const HINT_FIELDS = ["provider", "routing"] as const;

/** Documented mode: only the documented spellings of price, latency and throughput. */
function addUnknownSortDetail(raw: Record<string, unknown>, options: ParseRequestOptions, details: ErrorDetail[]): void {
  if (options.unknownSort === "balanced") return;
  const routing = asObject(raw["routing"]);
  const provider = asObject(raw["provider"]);
  const mode = typeof routing?.["mode"] === "string" ? routing["mode"] : undefined;
  const sources: [string, string | undefined][] = [
    ["routing.mode", mode],
    ["routing.sort", readSortMode(routing?.["sort"])],
    ["provider.sort", readSortMode(provider?.["sort"])],
  ];
  const found = sources.find(([, value]) => value !== undefined);
  if (!found || found[1] === undefined || SORT_ALIASES[found[1].toLowerCase()] !== undefined) return;
  details.push({
    message: `expected one of ${Object.keys(SORT_ALIASES).join(", ")}; got "${found[1]}" (the reference gateway ranks an unknown sort as balanced, without a 400: settings.request.unknownSort: balanced)`,
    path: found[0],
    keyword: "enum",
  });
}

function asObject(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

/** Rules spanning two fields; read from the raw body so they are reported alongside field errors. */
function addCrossFieldDetails(raw: Record<string, unknown>, options: ParseRequestOptions, details: ErrorDetail[]): void {
  const model = raw["model"];
  const preset = raw["preset"];
  if (options.presetField === "select" && typeof model === "string" && typeof preset === "string") {
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
}
