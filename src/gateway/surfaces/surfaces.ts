// The client-facing APIs the gateway serves through one pipeline, as the reference does
// (`/v1/responses`, `/v1/chat/completions`, `/v1/messages`), and their HTTP paths.

/** Every surface, named as the reference names its endpoints (health and cache keys). */
export const GATEWAY_SURFACES = ["responses", "chat.completions", "messages"] as const;
export type GatewaySurface = (typeof GATEWAY_SURFACES)[number];

/** The POST path of each surface. */
export const SURFACE_PATHS: Record<GatewaySurface, string> = {
  responses: "/v1/responses",
  "chat.completions": "/v1/chat/completions",
  messages: "/v1/messages",
};
