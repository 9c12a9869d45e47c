// The OpenAI Chat Completions adapter: used for OpenAI and every OpenAI-compatible provider
// (deepinfra, together, groq, Vertex and AI Studio OpenAI endpoints).
import type { ProviderAdapter } from "../types.js";
import { parseOpenAiChatError } from "./openai-chat-error.js";
import { buildOpenAiChatRequest } from "./openai-chat-request.js";
import { parseOpenAiChatResponse } from "./openai-chat-response.js";
import { createOpenAiChatStreamMapper } from "./openai-chat-stream.js";

/**
 * The `openai-chat` wire format.
 *
 * @example
 * const call = openAiChatAdapter.buildRequest(request, { baseUrl: "https://api.openai.com/v1", apiKey });
 */
export const openAiChatAdapter: ProviderAdapter = {
  format: "openai-chat",
  buildRequest: buildOpenAiChatRequest,
  parseResponse: parseOpenAiChatResponse,
  createStreamMapper: createOpenAiChatStreamMapper,
  parseError: parseOpenAiChatError,
};
