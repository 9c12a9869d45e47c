// The drop reasons of each routing filter (§3), one small function per filter. A reason is a
// stable string a user can search for; an offer is dropped for the first reason that applies.
import type { Offer } from "../catalog/schema.js";
import type { PriceCaps } from "../request/provider-preferences.js";
import type { RoutingInput } from "../types.js";
import type { DropReason } from "./filter-stage.js";

/** Drop reasons, from one registry. */
export const DROP_REASONS = {
  notPinned: "not_pinned_provider",
  notInPresetAllowlist: "not_in_preset_allowlist",
  inPresetDenylist: "listed_in_preset_denylist",
  noStructuredOutput: "no_structured_output",
  maxOutputTokensBelowRequest: "max_output_tokens_below_request",
  missingRequiredParameter: "missing_required_parameter",
  notInOnly: "not_in_provider.only",
  inIgnore: "listed_in_provider.ignore",
  exceedsMaxPrice: "exceeds_max_price",
} as const;

/**
 * `provider:org/model` keeps only the pinned provider.
 *
 * @example
 * runFilterStage("pinned_provider", offers, pinnedReason("openai-eu"));
 */
export function pinnedReason(pinned: string): DropReason {
  return (offer) => (offer.provider === pinned ? undefined : DROP_REASONS.notPinned);
}

/**
 * The preset's allowlist (its `only`, else its `order`) and denylist (its `ignore`). An empty
 * allowlist is treated as absent, like an absent one.
 *
 * @example
 * runFilterStage("preset_filter", offers, presetReason({ allow: ["openai"], deny: [] }));
 */
export function presetReason(filter: NonNullable<RoutingInput["presetFilter"]>): DropReason {
  const allow = filter.allow && filter.allow.length > 0 ? new Set(filter.allow) : undefined;
  const deny = new Set(filter.deny ?? []);
  return (offer) => {
    if (allow && !allow.has(offer.provider)) return DROP_REASONS.notInPresetAllowlist;
    if (deny.has(offer.provider)) return DROP_REASONS.inPresetDenylist;
    return undefined;
  };
}

/**
 * Capability gates: structured output when a response format is requested, enough output tokens,
 * and with `require_parameters` every requested parameter (`missing_required_parameter:<name>`).
 *
 * @example
 * capabilityReason({ responseFormat: true, parameters: [] }, false)(groqOffer); // "no_structured_output"
 */
export function capabilityReason(requirements: RoutingInput["requirements"], requireParameters: boolean): DropReason {
  return (offer: Offer) => {
    if (requirements.responseFormat && !offer.structuredOutput) return DROP_REASONS.noStructuredOutput;
    if (requirements.maxOutputTokens !== undefined && offer.maxOutputTokens < requirements.maxOutputTokens) {
      return DROP_REASONS.maxOutputTokensBelowRequest;
    }
    if (requireParameters) {
      const supported: readonly string[] = offer.parameters;
      const missing = requirements.parameters.find((name) => !supported.includes(name));
      if (missing !== undefined) return `${DROP_REASONS.missingRequiredParameter}:${missing}`;
    }
    return undefined;
  };
}

/**
 * `provider.only`: offers outside the list leave.
 *
 * @example
 * onlyReason(["openai", "openai-eu"]);
 */
export function onlyReason(only: readonly string[]): DropReason {
  const allowed = new Set(only);
  return (offer) => (allowed.has(offer.provider) ? undefined : DROP_REASONS.notInOnly);
}

/**
 * `provider.ignore`: listed offers leave.
 *
 * @example
 * ignoreReason(["deepinfra"]);
 */
export function ignoreReason(ignore: readonly string[]): DropReason {
  const ignored = new Set(ignore);
  return (offer) => (ignored.has(offer.provider) ? DROP_REASONS.inIgnore : undefined);
}

/** The meters each `max_price` field caps (routing.ts:419-436). */
const CAP_METERS: Record<keyof PriceCaps, readonly string[]> = {
  prompt: ["input_text_tokens", "input_tokens", "embedding_tokens"],
  completion: ["output_text_tokens", "output_tokens", "output_reasoning_tokens"],
  image: ["output_image", "output_image_tokens"],
  audio: ["input_audio_minutes", "input_audio_tokens", "output_audio_tokens"],
  request: ["requests"],
};

/**
 * `provider.max_price` (routing.ts:446-469): each cap compares the cheapest of its meters' prices (token
 * meters per 1M tokens) with the cap. A catalog offer prices two meters, `input_text_tokens` and
 * `output_text_tokens`; a cap whose meters the offer lacks (`image`, `audio`, `request`) drops it under
 * `missingMeter: "drop"` (reference) and lets it through under `"keep"` (documented).
 *
 * @example
 * maxPriceReason({ prompt: 1, completion: 5 }, "drop");
 */
export function maxPriceReason(maxPrice: PriceCaps, missingMeter: "drop" | "keep"): DropReason {
  return (offer) => {
    const meters: Record<string, number> = { input_text_tokens: offer.price.input, output_text_tokens: offer.price.output };
    for (const [field, cap] of Object.entries(maxPrice) as [keyof PriceCaps, number | undefined][]) {
      if (cap === undefined) continue;
      const prices = CAP_METERS[field].map((m) => meters[m]).filter((p): p is number => p !== undefined);
      if (prices.length === 0) {
        if (missingMeter === "drop") return DROP_REASONS.exceedsMaxPrice;
        continue;
      }
      if (Math.min(...prices) > cap) return DROP_REASONS.exceedsMaxPrice;
    }
    return undefined;
  };
}
