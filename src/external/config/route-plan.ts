// What one scenario request asks of routing, in terms another gateway's config can express: the
// offers of its model (after only/ignore), and either an ordered failover (order, sort) or a
// weighted shuffle. Health-aware choices (sort by latency or throughput) have no static equivalent:
// the plan says so in its warnings rather than pretending.
import type { Offer } from "../../gateway/catalog/schema.js";
import { responsesRequestSchema } from "../../gateway/request/responses-request-schema.js";
import type { LoadedScenario } from "../../scenarios/load/loaded-scenario.js";
import { fakeUrlEnv } from "../start-fakes.js";

export interface PlannedOffer extends Offer {
  /** The key the fake expects (its `api_key`), else the built-in gateway's placeholder. */
  apiKey: string;
  /** The fake's base URL, concrete or as a ${GATEWAY_SIM_<ID>_URL} placeholder. */
  url: string;
  /** Its environment variable name (LiteLLM reads `os.environ/<name>`). */
  urlVariable: string;
}

export interface RoutePlan {
  model: string;
  mode: "fallback" | "loadbalance";
  /** In failover order (fallback) or file order (loadbalance). */
  offers: PlannedOffer[];
  sort: "price" | "latency" | "throughput" | undefined;
  usesOrder: boolean;
  warnings: string[];
}

/** The wire formats the Portkey and LiteLLM emitters map to a custom host. */
export const CONFIG_FORMATS = ["openai-chat", "anthropic-messages"] as const;
export type ConfigFormat = (typeof CONFIG_FORMATS)[number];

export type RoutePlanResult = { ok: true; plan: RoutePlan } | { ok: false; message: string };

/** The bodies of the scenario's traffic with their names: explicit requests, then load templates. */
function bodies(scenario: LoadedScenario): { name: string | null; body: Record<string, unknown> }[] {
  const { traffic } = scenario.spec;
  return [...traffic.requests.map((r) => ({ name: r.name ?? null, body: r.body })), ...traffic.load.flatMap((l) => l.templates.map((t) => ({ name: l.name, body: t.body })))];
}

/**
 * @example
 * const planned = routePlan(loaded, { request: undefined, fakesUrl: "http://127.0.0.1:8790" });
 */
export function routePlan(scenario: LoadedScenario, options: { request?: string | undefined; fakesUrl?: string | undefined }): RoutePlanResult {
  const all = bodies(scenario);
  const chosen = options.request === undefined ? all[0] : all.find((b) => b.name === options.request);
  if (!chosen) return { ok: false, message: options.request === undefined ? "the scenario sends no request" : `no request or load is named "${options.request}"` };
  const parsed = responsesRequestSchema.safeParse(chosen.body);
  if (!parsed.success || parsed.data.model === undefined)
    return { ok: false, message: `request ${chosen.name ?? "#0"} names no model a gateway config can route (presets live in the built-in gateway)` };
  const { model, provider } = parsed.data;
  const listed = scenario.catalog.models[model];
  if (!listed) return { ok: false, message: `no provider of the scenario offers ${model}` };
  let offers = listed.filter((o) => (provider.only ? provider.only.includes(o.provider) : true) && !(provider.ignore ?? []).includes(o.provider));
  if (offers.length === 0) return { ok: false, message: `only/ignore leave no provider for ${model}` };
  const warnings: string[] = [];
  const others = all.filter((b) => JSON.stringify(b.body.provider ?? null) !== JSON.stringify(chosen.body.provider ?? null) || b.body.model !== chosen.body.model);
  if (others.length > 0) warnings.push(`other requests route differently (${[...new Set(others.map((o) => o.name ?? "unnamed"))].join(", ")}): emit a config for each with --request`);
  const order = provider.order ?? [];
  const sort = provider.sort === "price" || provider.sort === "latency" || provider.sort === "throughput" ? provider.sort : undefined;
  let mode: RoutePlan["mode"] = "loadbalance";
  if (order.length > 0) {
    const rank = (p: string): number => (order.includes(p) ? order.indexOf(p) : order.length);
    offers = [...offers].sort((a, b) => rank(a.provider) - rank(b.provider));
    mode = "fallback";
  } else if (sort === "price") {
    offers = [...offers].sort((a, b) => a.price.input + a.price.output - (b.price.input + b.price.output));
    mode = "fallback";
  } else if (sort !== undefined) {
    // Health-aware: each emitter says what its gateway can do about it.
    mode = "fallback";
  }
  if (provider.allowFallbacks === false) {
    offers = offers.slice(0, 1);
    warnings.push("allow_fallbacks: false — only the first provider is listed");
  }
  // The emitters know where Portkey and LiteLLM expect a custom host for these two APIs only.
  const unsupported = offers.filter((o) => !(CONFIG_FORMATS as readonly string[]).includes(o.format));
  if (unsupported.length > 0) {
    const list = unsupported.map((o) => `${o.provider} (${o.format})`).join(", ");
    return {
      ok: false,
      message: `gateway-config writes offers in the ${CONFIG_FORMATS.join(" and ")} formats only; ${list} would need another provider mapping (leave them out with provider.ignore)`,
    };
  }
  const keys = new Map(scenario.spec.providers.map((p) => [p.id, p.api_key]));
  const planned = offers.map((o): PlannedOffer => {
    const env = Object.keys(fakeUrlEnv({ [o.provider]: "" }))[0] as string;
    const path = new URL(o.baseUrl).pathname.replace(/\/+$/, "");
    const url = options.fakesUrl === undefined ? `\${${env}}` : `${options.fakesUrl.replace(/\/+$/, "")}/${encodeURIComponent(o.provider)}${path}`;
    return { ...o, apiKey: keys.get(o.provider) ?? "gateway-sim-upstream-key", url, urlVariable: env };
  });
  return { ok: true, plan: { model, mode, offers: planned, sort, usesOrder: order.length > 0, warnings } };
}
