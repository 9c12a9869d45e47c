// The adapter registry: one ProviderAdapter per wire format, so a catalog offer's `format` is all the
// gateway needs to talk to a provider.
import { anthropicMessagesAdapter } from "./anthropic-messages/anthropic-messages-adapter.js";
import { bedrockConverseAdapter } from "./bedrock-converse/bedrock-converse-adapter.js";
import { geminiAdapter } from "./gemini/gemini-adapter.js";
import { openAiChatAdapter } from "./openai-chat/openai-chat-adapter.js";
import { openAiResponsesAdapter } from "./openai-responses/openai-responses-adapter.js";
import type { ProviderAdapter } from "./types.js";
import type { WireFormat } from "./wire-formats.js";

/** Every wire format's adapter; the `satisfies` makes a new format without an adapter a type error. */
export const ADAPTERS = {
  "openai-chat": openAiChatAdapter,
  "anthropic-messages": anthropicMessagesAdapter,
  "openai-responses": openAiResponsesAdapter,
  gemini: geminiAdapter,
  "bedrock-converse": bedrockConverseAdapter,
} as const satisfies Record<WireFormat, ProviderAdapter>;

/**
 * The adapter of a wire format.
 *
 * @example
 * const adapter = adapterFor(offer.format);
 */
export function adapterFor(format: WireFormat): ProviderAdapter {
  return ADAPTERS[format];
}
