// A Portkey gateway config (the x-portkey-config header) that points a route plan's offers at the
// fakes. Keys follow Portkey's documentation (docs: product/ai-gateway/configs, load-balancing,
// fallbacks) and the config schema in @portkey-ai/gateway 1.15.2's build/start-server.js (the `Ye`
// zod object: strategy.mode single|loadbalance|fallback|conditional, strategy.on_status_codes,
// targets, weight, custom_host, override_params, retry.attempts, request_timeout).
import type { ConfigFormat, PlannedOffer, RoutePlan } from "./route-plan.js";

/** Statuses the built-in gateway fails over on (src/core/errors.ts isRetryableStatus), as a list. */
export const FAILOVER_STATUSES = [408, 409, 429, 500, 502, 503, 504, 529] as const;

/** Portkey's provider for each wire format, and what its custom_host must add to the fake's base URL. */
const PORTKEY_PROVIDERS: Record<ConfigFormat, { provider: string; hostSuffix: string }> = {
  // Portkey calls `${custom_host}/chat/completions`, as the fake's base URL expects.
  "openai-chat": { provider: "openai", hostSuffix: "" },
  // Portkey calls `${custom_host}/messages`; Anthropic's base URL is the host root.
  "anthropic-messages": { provider: "anthropic", hostSuffix: "/v1" },
};

export interface PortkeyTarget {
  provider?: string;
  api_key?: string;
  custom_host?: string;
  override_params?: { model: string };
  weight?: number;
  strategy?: { mode: "fallback" | "loadbalance"; on_status_codes?: number[] };
  targets?: PortkeyTarget[];
}

export interface PortkeyConfig extends PortkeyTarget {
  retry: { attempts: number };
  request_timeout: number;
}

function target(offer: PlannedOffer): PortkeyTarget {
  const mapping = PORTKEY_PROVIDERS[offer.format as ConfigFormat];
  return { provider: mapping.provider, api_key: offer.apiKey, custom_host: `${offer.url}${mapping.hostSuffix}`, override_params: { model: offer.providerModel } };
}

const fallback = (): PortkeyTarget["strategy"] => ({ mode: "fallback", on_status_codes: [...FAILOVER_STATUSES] });

/**
 * @example
 * portkeyConfig(plan, { attemptTimeoutMs: 60_000, speed: 1 }); // { strategy: { mode: "fallback", … }, targets: [...] }
 */
export function portkeyConfig(plan: RoutePlan, options: { attemptTimeoutMs: number; speed: number }): PortkeyConfig {
  // One attempt per provider, as the built-in gateway makes; timeouts are real time, so sped up.
  const common = { retry: { attempts: 0 }, request_timeout: Math.max(1, Math.round(options.attemptTimeoutMs / options.speed)) };
  if (plan.mode === "fallback" || plan.offers.length === 1) return { strategy: fallback(), ...common, targets: plan.offers.map(target) };
  // The built-in shuffle ranks every provider and fails over down the ranking: each weighted pick
  // here falls back to the others in turn.
  const targets = plan.offers.map((offer, i) => ({
    weight: offer.weight,
    strategy: fallback(),
    targets: [offer, ...plan.offers.filter((_, j) => j !== i)].map(target),
  }));
  return { strategy: { mode: "loadbalance" }, ...common, targets };
}
