// The request half of routing modes: sort spellings, the context-side mode (what the cache
// fingerprint reads) and model suffixes (reference routing.ts:65-153, before/index.ts:48-73). Routing
// resolves the final mode and its determinism from these (src/gateway/routing/routing-mode.ts).

/** The four routing modes of the reference (before/schemas.ts:393). */
export const ROUTING_MODES = ["balanced", "price", "latency", "throughput"] as const;
export type RoutingMode = (typeof ROUTING_MODES)[number];

/** Model-suffix priority profiles (routing.ts:134-146). */
export const PRIORITY_PROFILES = ["default", "cheap", "fast", "nitro"] as const;
export type PriorityProfile = (typeof PRIORITY_PROFILES)[number];

const SUFFIX_MODES: Record<Exclude<PriorityProfile, "default">, RoutingMode> = { cheap: "price", nitro: "throughput", fast: "latency" };

/**
 * Routing-side spelling map (routing.ts:65-75): lowercased, NOT trimmed; everything unknown —
 * `balanced`, `default`, `fastest`, "" — is balanced.
 *
 * @example
 * routingModeOf("Cost"); // "price"
 * routingModeOf(" price"); // "balanced" (not trimmed)
 */
export function routingModeOf(value: string): RoutingMode {
  switch (value.toLowerCase()) {
    case "price":
    case "pricing":
    case "cost":
      return "price";
    case "latency":
    case "speed":
      return "latency";
    case "throughput":
    case "tps":
      return "throughput";
    default:
      return "balanced";
  }
}

/**
 * Context-side map (before/index.ts:48-73): trimmed and lowercased; `balanced`/`default` are
 * balanced; an unknown value keeps `fallback` (the preset's or workspace's mode).
 *
 * @example
 * contextRoutingMode("fastest", "latency"); // "latency"
 */
export function contextRoutingMode(value: string | undefined, fallback: RoutingMode | null): RoutingMode | null {
  if (value === undefined) return fallback;
  const trimmed = value.trim().toLowerCase();
  if (trimmed === "balanced" || trimmed === "default") return "balanced";
  const mode = routingModeOf(trimmed);
  return mode === "balanced" ? fallback : mode;
}

/** True when `value` is one of the spellings routing maps to a mode other than by default. */
export function isKnownSortSpelling(value: string): boolean {
  const lower = value.toLowerCase();
  return routingModeOf(lower) !== "balanced" || lower === "balanced" || lower === "default";
}

/**
 * A model's suffix profile (routing.ts:134-146, case-insensitive) and its base model, the id the
 * catalog, health and pricing use (execute/utils.ts:16-22).
 *
 * @example
 * parsePriority("openai/gpt-5.4-nano:Cheap"); // { base: "openai/gpt-5.4-nano", priority: "cheap", strict: true }
 */
export function parsePriority(model: string): { base: string; priority: PriorityProfile; strict: boolean } {
  // Only the text after the last colon can be a suffix: a model without one (most) costs no lower-cased copy.
  const colon = model.lastIndexOf(":");
  if (colon >= 0) {
    const suffix = model.slice(colon + 1).toLowerCase();
    if (suffix === "nitro" || suffix === "cheap" || suffix === "fast") return { base: model.slice(0, colon), priority: suffix, strict: true };
  }
  return { base: model, priority: "default", strict: false };
}

/** The mode a suffix sets when the request has no sort (routing.ts:148-153). */
export function suffixRoutingMode(priority: PriorityProfile): RoutingMode | null {
  return priority === "default" ? null : SUFFIX_MODES[priority];
}
