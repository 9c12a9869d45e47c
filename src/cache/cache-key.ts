// The response-cache key (core/response-cache.ts:91-175): SHA-256 over the sorted, sanitised
// fingerprint payload {version, workspace_id, endpoint, model, protocol, preset, routing_mode, body},
// with every `debug` key removed at any depth.
import { hash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

export const CACHE_KEY_PREFIX = "gateway:response-cache";
export const CACHE_KEY_VERSION = "v1";

/**
 * gateway-sim's documented-side extra: body fields that only ask for output (`cache.keyIgnoresOutputFlags`).
 * The reference keeps them in the key, so `meta: true` and no `meta` are two entries there.
 */
export const CACHE_KEY_IGNORED_FIELDS = ["meta", "stream_options", "provider.diagnostics", "routing.diagnostics", "response_caching", "cache"] as const;

const IGNORED_PATHS = CACHE_KEY_IGNORED_FIELDS.map((path) => path.split(".") as [string, string | undefined]);

export interface CacheKeyInput {
  workspaceId: string;
  /** The reference's endpoint name: `responses`, `chat.completions`, `messages`. */
  endpoint: string;
  /** The resolved model (`org/model`). */
  model: string;
  /** e.g. `openai.responses`. */
  protocol: string | null;
  preset: { id: string | null; slug: string | null };
  routingMode: string | null;
  body: unknown;
  /** Also drop {@link CACHE_KEY_IGNORED_FIELDS} (gateway-sim's documented side). */
  ignoreOutputFlags?: boolean | undefined;
}

/** The key and the digest it ends with (`fingerprint` in `meta.response_cache`). */
export interface CacheKey {
  key: string;
  fingerprint: string;
}

/**
 * @example
 * computeCacheKey({ workspaceId: "gateway-sim", endpoint: "responses", model: "openai/gpt-5.4-nano", protocol: "openai.responses", preset: { id: null, slug: null }, routingMode: null, body });
 * // { key: "gateway:response-cache:v1:gateway-sim:<64 hex>", fingerprint: "<64 hex>" }
 */
export function computeCacheKey(input: CacheKeyInput): CacheKey {
  const body = sanitiseBody(input.ignoreOutputFlags ? stripIgnoredFields(input.body) : input.body) ?? null;
  // canonicalJson of {version, workspace_id, endpoint, model, protocol, preset: {id, slug}, routing_mode,
  // body}, written out with its keys already sorted (none of them can be undefined): the same text
  // without building, sorting and quoting the fixed part per request.
  const payload =
    `{"body":${canonicalJson(body)},"endpoint":${JSON.stringify(input.endpoint)},"model":${JSON.stringify(input.model)},` +
    `"preset":{"id":${JSON.stringify(text(input.preset.id))},"slug":${JSON.stringify(text(input.preset.slug))}},"protocol":${JSON.stringify(text(input.protocol))},` +
    `"routing_mode":${JSON.stringify(text(input.routingMode))},"version":${JSON.stringify(CACHE_KEY_VERSION)},"workspace_id":${JSON.stringify(input.workspaceId)}}`;
  // One-shot hash (Node ≥ 20.12): a third of the cost of a Hash object for inputs this small.
  const fingerprint = hash("sha256", `${CACHE_KEY_PREFIX}:${CACHE_KEY_VERSION}:${payload}`, "hex");
  return { key: `${CACHE_KEY_PREFIX}:${CACHE_KEY_VERSION}:${input.workspaceId}:${fingerprint}`, fingerprint };
}

/** A trimmed text, blank as null. Module level: a named closure per call costs a keepNames wrapper under tsx. */
function text(value: string | null): string | null {
  return value === null ? null : value.trim() || null;
}

/**
 * The body as the key sees it: every `debug` key removed at any depth, undefined values and array
 * entries dropped (keys are sorted by canonicalJson).
 *
 * @example
 * sanitiseBody({ input: "hi", debug: { enabled: true }, provider: { debug: 1, order: ["a"] } }); // { input: "hi", provider: { order: ["a"] } }
 */
export function sanitiseBody(value: unknown): unknown {
  // Parsed JSON has no undefined values and canonicalJson skips undefined properties: only a `debug`
  // key needs a copy, and most bodies have none.
  return hasDebugKey(value) ? withoutDebug(value) : value;
}

function hasDebugKey(value: unknown): boolean {
  if (value === null || typeof value !== "object") return false;
  if (Array.isArray(value)) return value.some(hasDebugKey);
  for (const key in value) if (key === "debug" || hasDebugKey((value as Record<string, unknown>)[key])) return true;
  return false;
}

function withoutDebug(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map(withoutDebug).filter((entry) => entry !== undefined);
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (key === "debug") continue;
    const clean = withoutDebug(entry);
    if (clean !== undefined) out[key] = clean;
  }
  return out;
}

/**
 * `body` without {@link CACHE_KEY_IGNORED_FIELDS}; an object left empty by that goes too.
 *
 * @example
 * stripIgnoredFields({ input: "hi", meta: true, provider: { order: ["a"], diagnostics: true } });
 * // { input: "hi", provider: { order: ["a"] } }
 */
export function stripIgnoredFields(body: unknown): unknown {
  if (!isRecord(body)) return body;
  const out: Record<string, unknown> = { ...body };
  for (const [head, child] of IGNORED_PATHS) {
    if (child === undefined) delete out[head];
    else if (isRecord(out[head])) {
      const nested = { ...(out[head] as Record<string, unknown>) };
      delete nested[child];
      if (Object.keys(nested).length === 0) delete out[head];
      else out[head] = nested;
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
