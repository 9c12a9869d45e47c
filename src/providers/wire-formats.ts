// The registry of provider wire formats gateway-sim speaks, as fakes and as gateway adapters.

/** Every supported wire format; lists of valid values derive from this. */
export const WIRE_FORMATS = ["openai-chat", "anthropic-messages", "openai-responses", "gemini", "bedrock-converse"] as const;

export type WireFormat = (typeof WIRE_FORMATS)[number];
