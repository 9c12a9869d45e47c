// The POST surfaces the gateway serves, one line each: the path and the gateway call that answers
// it. The raw hot path and the express routes are both built from this table, so a new surface
// (e.g. /v1/chat/completions) is one entry here and gets auth, limits, errors and SSE for free.
import type { GatewayLike, GatewayResponseLike } from "./gateway-like.js";

/** How a surface hands a parsed JSON body to the gateway. */
export type SurfaceCall = (gateway: GatewayLike, body: unknown) => Promise<GatewayResponseLike>;

/**
 * @example
 * SURFACES["/v1/responses"]?.(gateway, { model: "openai/gpt-5.4-nano", input: "hi" });
 */
export const SURFACES: Readonly<Record<string, SurfaceCall>> = {
  "/v1/responses": (gateway, body) => gateway.respond(body),
};
