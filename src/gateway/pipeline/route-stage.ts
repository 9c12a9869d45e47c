// Stage: the model's offers → ranked candidates and diagnostics (§3).
import { route } from "../routing/route.js";
import type { RoutingResult } from "../types.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { Prepared } from "./prepare-stage.js";

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
