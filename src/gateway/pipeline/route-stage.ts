// Stage: the model's offers → ranked candidates and diagnostics (reference routing.ts).
import { byFidelity } from "../fidelity.js";
import { parsePriority } from "../request/routing-mode.js";
import { route } from "../routing/route.js";
import type { RoutingResult } from "../types.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { Prepared } from "./prepare-stage.js";

/** How a preset's routing mode ranks, per fidelity: built once (a literal per call would be an object per request). */
const PRESET_RANKING_SIDES = { reference: "shuffle", documented: "sort" } as const;

/**
 * @example
 * const routing = routeRequest(prepared, "G-…", env);
 */
export function routeRequest(prepared: Prepared, id: string, env: GatewayEnv): RoutingResult {
  const { request } = prepared;
  return route({
    model: prepared.model,
    offers: env.catalog.models[prepared.model] ?? [],
    preferences: request.provider,
    pinnedProvider: prepared.pinnedProvider,
    modeSources: {
      // Only a `:nitro`, `:cheap` or `:fast` suffix sets a profile: a model without a colon skips the parse.
      priority: request.model.includes(":") ? parsePriority(request.model).priority : "default",
      presetMode: prepared.preset?.routingMode,
      presetRanking: byFidelity<"shuffle" | "sort">(env.settings.presets.routingModeRanking, env.settings.fidelity, PRESET_RANKING_SIDES),
    },
    requirements: {
      responseFormat: request.responseFormat !== undefined && request.responseFormat.type !== "text",
      maxOutputTokens: request.maxOutputTokens,
      parameters: prepared.parameters,
    },
    presetFilter: prepared.presetFilter,
    health: env.health,
    now: env.clock.now(),
    random: env.random("request", id, "routing"),
    settings: env.settings,
  });
}
