// The POST surfaces the gateway serves, one line each: the path and the gateway call that answers
// it. The raw hot path and the express routes are both built from this table, so a new surface
// is one entry here and gets auth, limits, errors and SSE for free.
import { GatewayError } from "../core/errors.js";
import type { RequestInfo } from "../gateway/pipeline/prepare-stage.js";
import type { GatewaySurface } from "../gateway/surfaces/surfaces.js";
import type { GatewayLike, GatewayResponseLike } from "./gateway-like.js";

/** How a surface hands a parsed JSON body (and the request's headers) to the gateway. */
export type SurfaceCall = (gateway: GatewayLike, body: unknown, request: RequestInfo) => Promise<GatewayResponseLike>;

/** The other surfaces; a gateway without them (a test double) answers their paths 404. */
function onSurface(surface: GatewaySurface, path: string): SurfaceCall {
  return (gateway, body, request) => {
    if (!gateway.respondOn) return Promise.reject(new GatewayError("not_found", `No route POST ${path}.`));
    return gateway.respondOn(surface, body, request);
  };
}

/**
 * @example
 * SURFACES["/v1/responses"]?.(gateway, { model: "openai/gpt-5.4-nano", input: "hi" });
 */
export const SURFACES: Readonly<Record<string, SurfaceCall>> = {
  "/v1/responses": (gateway, body, request) => gateway.respond(body, request),
  "/v1/chat/completions": onSurface("chat.completions", "/v1/chat/completions"),
  "/v1/messages": onSurface("messages", "/v1/messages"),
};
