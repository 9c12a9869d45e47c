// Stage 1: body → prepared request (parse, preset merge, before-stage provider gates, plugin layers).
import type { GatewayError } from "../../core/errors.js";
import { layerPlugins, type ResolvedPlugin } from "../../plugins/layer-plugins.js";
import { prepareOptions, prepareRequest, type PreparedRequest } from "../presets/prepare-request.js";
import type { GatewayEnv } from "./gateway-env.js";

export interface Prepared extends PreparedRequest {
  plugins: ResolvedPlugin[];
}

export type PrepareOutcome = { ok: true; prepared: Prepared } | { ok: false; error: GatewayError };

/** What of the HTTP request besides its body the gateway reads: the debug headers, and whether it was cancelled. */
export interface RequestInfo {
  headers?: Readonly<Record<string, string | string[] | undefined>> | undefined;
  /**
   * Aborting it cancels the request's upstream calls (a server draining on shutdown, a client gone):
   * the answer is then a 503 and the usage record says `cancelled`.
   */
  signal?: AbortSignal | undefined;
  /**
   * The generation id to give the request instead of drawing one (a replayed request keeps its logged
   * id, so the id-keyed draws repeat). The caller keeps ids unique: usage records are keyed by them.
   */
  id?: string | undefined;
}

/** The values the reference reads as "on" (before/guards.ts:30, 267-273). */
const TRUTHY = new Set(["1", "true", "yes"]);

/**
 * `x-gateway-debug`, else `x-phaseo-debug`, is truthy (before/index.ts:263-266; the reference's
 * `isDebugAllowed` always allows it). Header names arrive lowercased from Node.
 *
 * @example
 * debugHeader({ headers: { "x-gateway-debug": "1" } }); // true
 */
export function debugHeader(request: RequestInfo | undefined): boolean {
  const headers = request?.headers;
  if (!headers) return false;
  const raw = headers["x-gateway-debug"] ?? headers["x-phaseo-debug"];
  const value = Array.isArray(raw) ? raw[0] : raw;
  return typeof value === "string" && TRUTHY.has(value.toLowerCase());
}

/**
 * @example
 * const outcome = prepare({ model: "@release-summary", input: "…" }, env);
 */
export function prepare(body: unknown, env: GatewayEnv, request?: RequestInfo): PrepareOutcome {
  const outcome = prepareRequest(body, env.presets, prepareOptions(env.settings), { catalog: env.catalog, debugHeader: debugHeader(request) });
  if (!outcome.ok) return outcome;
  // The prepared request is this call's own: it is completed in place (a spread of its twelve
  // fields is a slow path per request on Node 20).
  const prepared = outcome.prepared as Prepared;
  const defaults = env.settings.plugins.defaults;
  const presetPlugins = prepared.preset?.plugins ?? [];
  const requestPlugins = prepared.request.plugins ?? [];
  // No layer lists a plugin (most requests): layering three empty lists gives an empty list.
  if (defaults.length === 0 && presetPlugins.length === 0 && requestPlugins.length === 0) {
    prepared.plugins = [];
    return { ok: true, prepared };
  }
  const layered = layerPlugins([
    { source: "gateway", plugins: defaults },
    { source: "preset", plugins: presetPlugins },
    { source: "request", plugins: requestPlugins },
  ]);
  if (!layered.ok) return layered;
  prepared.plugins = layered.plugins;
  return { ok: true, prepared };
}
