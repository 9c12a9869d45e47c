// Stage 1: body → prepared request (parse, preset merge, plugin layers).
import type { GatewayError } from "../../core/errors.js";
import { layerPlugins, type ResolvedPlugin } from "../../plugins/layer-plugins.js";
import { prepareRequest, type PreparedRequest } from "../presets/prepare-request.js";
import type { GatewayEnv } from "./gateway-env.js";

export interface Prepared extends PreparedRequest {
  plugins: ResolvedPlugin[];
}

export type PrepareOutcome = { ok: true; prepared: Prepared } | { ok: false; error: GatewayError };

/**
 * @example
 * const outcome = prepare({ preset: "release-summary", input: "…" }, env);
 */
export function prepare(body: unknown, env: GatewayEnv): PrepareOutcome {
  const outcome = prepareRequest(body, env.presets);
  if (!outcome.ok) return outcome;
  const { prepared } = outcome;
  const layered = layerPlugins([
    { source: "gateway", plugins: env.settings.plugins.defaults },
    { source: "preset", plugins: prepared.preset?.plugins ?? [] },
    { source: "request", plugins: prepared.request.plugins ?? [] },
  ]);
  if (!layered.ok) return layered;
  return { ok: true, prepared: { ...prepared, plugins: layered.plugins } };
}
