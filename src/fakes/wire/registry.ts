// The fake wire for each wire format gateway-sim supports.
import type { WireFormat } from "../../providers/wire-formats.js";
import { anthropicMessagesWire } from "./anthropic-messages/wire.js";
import { bedrockConverseWire } from "./bedrock-converse/wire.js";
import { geminiWire } from "./gemini/wire.js";
import { openAiChatWire } from "./openai-chat/wire.js";
import { openAiResponsesWire } from "./openai-responses/wire.js";
import type { FakeWire } from "./types.js";

/** Every wire format has a fake; adding a format to WIRE_FORMATS without one fails to compile. */
export const FAKE_WIRES: Record<WireFormat, FakeWire> = {
  "openai-chat": openAiChatWire,
  "anthropic-messages": anthropicMessagesWire,
  "openai-responses": openAiResponsesWire,
  gemini: geminiWire,
  "bedrock-converse": bedrockConverseWire,
};
