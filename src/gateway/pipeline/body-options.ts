// Which gateway fields a success body carries: meta on `meta: true` or debug (after/index.ts:267),
// the timing-only meta on every /v1/responses body (payload.ts:81-94), diagnostics on diagnostics or debug.
import { byFidelity } from "../fidelity.js";
import { debugEnabled } from "./cache-stage.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { Prepared } from "./prepare-stage.js";
import type { BodyOptions } from "./response-body.js";

/**
 * @example
 * buildResponseBody(facts, bodyOptions(prepared, env, debugEnabled(body)));
 */
export function bodyOptions(prepared: Prepared, env: GatewayEnv, debug: boolean): BodyOptions {
  return {
    meta: prepared.request.meta || debug,
    timingsWithoutFlag: byFidelity(env.settings.meta.timingsWithoutFlag, env.settings.fidelity, { reference: true, documented: false }),
  };
}

/**
 * `routing_diagnostics` is attached with the `diagnostics` flag or debug, never for `meta` alone
 * (after/index.ts:34-36, 297-308).
 *
 * @example
 * wantsDiagnostics(prepared, body); // true for `provider: {diagnostics: true}` or `debug: {enabled: true}`
 */
export function wantsDiagnostics(prepared: Prepared, body: unknown): boolean {
  return prepared.request.provider.diagnostics === true || debugEnabled(body);
}
