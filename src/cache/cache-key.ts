// The response-cache key (§7): SHA-256 of the canonical JSON of what determines the answer — the
// endpoint, model, preset, routing mode and the body — minus fields that only ask for debug output.
import { hash } from "node:crypto";
import { canonicalJson } from "./canonical-json.js";

/**
 * Body fields that never change the answer, so never the key (dotted paths). The caching policy
 * itself is here too: asking for a longer TTL must still find the stored answer.
 */
export const CACHE_KEY_IGNORED_FIELDS = [
  "meta",
  "stream_options",
  "provider.diagnostics",
  "routing.diagnostics",
  "debug",
  "response_caching",
  "cache",
] as const;

const IGNORED_PATHS = CACHE_KEY_IGNORED_FIELDS.map((path) => path.split(".") as [string, string | undefined]);

export interface CacheKeyInput {
  /** e.g. `/v1/responses`. */
  endpoint: string;
  /** The resolved model (`org/model`). */
  model: string;
  /** The preset slug, when one was selected. */
  preset: string | null | undefined;
  /** e.g. `balanced_shuffle`, `explicit_sort:price`, `pinned`. */
  routingMode: string;
  body: unknown;
}

/**
 * The cache key: 64 hex characters.
 *
 * @example
 * computeCacheKey({ endpoint: "/v1/responses", model: "openai/gpt-5.4-nano", preset: "release-summary", routingMode: "balanced_shuffle", body });
 */
export function computeCacheKey(input: CacheKeyInput): string {
  const material = {
    endpoint: input.endpoint,
    model: input.model,
    preset: input.preset ?? null,
    routing_mode: input.routingMode,
    body: stripIgnoredFields(input.body),
  };
  // One-shot hash (Node ≥ 20.12): a third of the cost of a Hash object for inputs this small.
  return hash("sha256", canonicalJson(material), "hex");
}

/**
 * `body` without {@link CACHE_KEY_IGNORED_FIELDS}: a copy when any is present, else `body` itself (the input
 * is never modified; treat the result as read-only). An object
 * left empty by that (`provider: {diagnostics: true}`) goes too.
 *
 * @example
 * stripIgnoredFields({ input: "hi", meta: true, provider: { order: ["a"], diagnostics: true } });
 * // { input: "hi", provider: { order: ["a"] } }
 */
export function stripIgnoredFields(body: unknown): unknown {
  if (!isRecord(body)) return body;
  // Copy only when something is to be removed: most bodies carry none of these fields.
  if (!IGNORED_PATHS.some(([head, child]) => (child === undefined ? head in body : isRecord(body[head]) && child in body[head]))) return body;
  const out: Record<string, unknown> = { ...body };
  for (const [head, child] of IGNORED_PATHS) {
    if (child === undefined) delete out[head];
    else if (isRecord(out[head])) {
      const nested = { ...(out[head] as Record<string, unknown>) };
      delete nested[child];
      // `provider: {diagnostics: true}` asks for nothing but debug output: the same as no `provider`.
      if (Object.keys(nested).length === 0) delete out[head];
      else out[head] = nested;
    }
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
