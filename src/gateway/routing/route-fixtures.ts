// Builders for routing tests: offers, inputs with sensible defaults, the default catalog's offers,
// and a way to feed a provider's health a steady stream of observations.
import { createRandom } from "../../core/random.js";
import { formatConfigIssue } from "../../core/load-config.js";
import type { Offer } from "../catalog/schema.js";
import { loadDefaultCatalog } from "../catalog/load-catalog.js";
import { createHealthStore } from "../health/health-store.js";
import { providerPreferencesSchema } from "../request/provider-preferences.js";
import { defaultGatewaySettings, gatewaySettingsSchema, type GatewaySettingsInput } from "../settings.js";
import type { HealthStore, RoutingInput } from "../types.js";

/**
 * An offer of `model` by `provider` with a price (USD per 1M tokens) and overrides.
 *
 * @example
 * makeOffer("acme", { price: { input: 1, output: 2 } });
 */
export function makeOffer(provider: string, overrides: Partial<Offer> = {}, model = "test/model"): Offer {
  return {
    provider,
    model,
    providerModel: model.split("/")[1] ?? model,
    format: "openai-chat",
    baseUrl: `https://${provider}.test/v1`,
    apiKeyEnv: undefined,
    price: { input: 1, output: 1 },
    structuredOutput: true,
    maxOutputTokens: 16_384,
    parameters: ["temperature", "top_p", "max_output_tokens", "response_format", "stop"],
    weight: 1,
    ...overrides,
  };
}

/** Overrides for `makeInput`; `provider` is the request's raw `provider` object (snake_case). */
export interface InputOverrides extends Partial<Omit<RoutingInput, "preferences" | "settings">> {
  provider?: unknown;
  settings?: GatewaySettingsInput;
}

/**
 * A routing input: default settings, an empty health store, `now` 0 and a fixed seed.
 *
 * @example
 * route(makeInput({ offers, provider: { sort: "price" } }));
 */
export function makeInput(overrides: InputOverrides = {}): RoutingInput {
  const { provider, settings: rawSettings, ...rest } = overrides;
  const settings = rawSettings ? gatewaySettingsSchema.parse(rawSettings) : defaultGatewaySettings();
  const offers = rest.offers ?? [makeOffer("a"), makeOffer("b")];
  return {
    model: offers[0]?.model ?? "test/model",
    requirements: { responseFormat: false, parameters: [] },
    health: createHealthStore(settings),
    now: 0,
    random: createRandom("routing-test"),
    ...rest,
    offers,
    preferences: providerPreferencesSchema.parse(provider ?? {}),
    settings,
  };
}

/**
 * The default catalog's offers of one model.
 *
 * @example
 * defaultOffers("openai/gpt-5.4-nano").map((o) => o.provider); // ["openai", "openai-eu"]
 */
export function defaultOffers(model: string): Offer[] {
  const catalog = loadDefaultCatalog();
  if (!catalog.ok) throw new Error(catalog.issues.map(formatConfigIssue).join("\n"));
  const offers = catalog.value.models[model];
  if (!offers) throw new Error(`catalog/default.yaml has no model ${model}`);
  return offers;
}

/**
 * Records `count` observations one second apart ending at `until`. `throughputTps` becomes tokens over a
 * one-second generation (health samples (input + output tokens) / generation seconds).
 *
 * @example
 * feed(health, "openai", "openai/gpt-5.4-nano", { latencyMs: 300, count: 20, until: 60_000 });
 */
export function feed(
  health: HealthStore,
  provider: string,
  model: string,
  options: { latencyMs?: number; throughputTps?: number; ok?: boolean | ((i: number) => boolean); count?: number; until?: number },
): void {
  const count = options.count ?? 20;
  const until = options.until ?? 60_000;
  for (let i = 0; i < count; i++) {
    const ok = typeof options.ok === "function" ? options.ok(i) : (options.ok ?? true);
    const tokens = options.throughputTps ?? 0;
    health.record({
      provider,
      model,
      at: until - (count - 1 - i) * 1000,
      ok,
      impact: ok ? "success" : "failure",
      latencyMs: options.latencyMs ?? 800,
      generationMs: tokens > 0 ? 1000 : 0,
      tokensOut: tokens,
    });
  }
}
