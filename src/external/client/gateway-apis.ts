// The client APIs gateway-sim can speak to an outside gateway: one registry, every list derived.

/** `responses`: POST /v1/responses (the scenario's bodies as written); the others translate them. */
export const GATEWAY_APIS = ["responses", "chat-completions", "anthropic-messages"] as const;
export type GatewayApi = (typeof GATEWAY_APIS)[number];
