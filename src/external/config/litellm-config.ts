// A LiteLLM proxy config.yaml that points a route plan's offers at the fakes (keys: litellm-schema.ts).
// Failover by `order` uses LiteLLM's model-group fallbacks; sort price and latency its cost- and
// latency-based routing; the weighted shuffle its simple-shuffle with per-deployment weights.
import { attemptDeadlineMs } from "../../gateway/pipeline/upstream-request.js";
import type { GatewaySettings } from "../../gateway/settings.js";
import type { LiteLlmConfig } from "./litellm-schema.js";
import type { ConfigFormat, PlannedOffer, RoutePlan } from "./route-plan.js";

/** LiteLLM's provider prefix for each wire format. */
const LITELLM_PROVIDERS: Record<ConfigFormat, string> = { "openai-chat": "openai", "anthropic-messages": "anthropic" };

/** USD per million → per token, without float noise in the YAML (0.05 / 1e6 prints 5e-8). */
const perToken = (perMillion: number): number => Number((perMillion / 1e6).toPrecision(12));

function deployment(offer: PlannedOffer, modelName: string, extra: { weight?: number; order?: number }): LiteLlmConfig["model_list"][number] {
  return {
    model_name: modelName,
    litellm_params: {
      model: `${LITELLM_PROVIDERS[offer.format as ConfigFormat]}/${offer.providerModel}`,
      // Filled from the environment `gateway-sim fakes -- litellm --config …` sets.
      api_base: offer.url.startsWith("${") ? `os.environ/${offer.urlVariable}` : offer.url,
      api_key: offer.apiKey,
      // gateway-sim prices are USD per million tokens; LiteLLM's per token.
      input_cost_per_token: perToken(offer.price.input),
      output_cost_per_token: perToken(offer.price.output),
      ...extra,
    },
    model_info: { id: offer.provider },
  };
}

/**
 * @example
 * liteLlmConfig(plan, settings, { speed: 1 }); // { model_list: [...], router_settings: {...}, litellm_settings: {...} }
 */
export function liteLlmConfig(plan: RoutePlan, settings: GatewaySettings, options: { speed: number }): LiteLlmConfig {
  const timeoutSeconds = Math.max(0.001, attemptDeadlineMs(settings) / 1000 / options.speed);
  const reliability = {
    // One attempt per provider, as the built-in gateway makes.
    num_retries: Math.max(0, plan.offers.length - 1),
    request_timeout: timeoutSeconds,
    // The nearest LiteLLM has to the breaker: cool a deployment down after minVolume failures, for the first open period.
    allowed_fails: settings.breaker.minVolume,
    cooldown_time: settings.breaker.openBaseMs / 1000 / options.speed,
  };
  if (plan.usesOrder && plan.offers.length > 1) {
    const [first, ...rest] = plan.offers as [PlannedOffer, ...PlannedOffer[]];
    const groups = rest.map((o) => `${plan.model}@${o.provider}`);
    return {
      model_list: [deployment(first, plan.model, {}), ...rest.map((o, i) => deployment(o, groups[i] as string, {}))],
      router_settings: { routing_strategy: "simple-shuffle" },
      litellm_settings: { ...reliability, num_retries: 0, fallbacks: [{ [plan.model]: groups }] },
    };
  }
  const strategy = plan.sort === "price" ? "cost-based-routing" : plan.sort === undefined ? "simple-shuffle" : "latency-based-routing";
  const weighted = plan.mode === "loadbalance";
  return {
    model_list: plan.offers.map((o) => deployment(o, plan.model, weighted ? { weight: o.weight } : {})),
    router_settings: { routing_strategy: strategy },
    litellm_settings: reliability,
  };
}
