// The OpenAI Responses adapter (POST /v1/responses); errors are the same envelope as Chat Completions.
import { parseOpenAiChatError } from "../openai-chat/openai-chat-error.js";
import type { ProviderAdapter } from "../types.js";
import { buildOpenAiResponsesRequest } from "./openai-responses-request.js";
import { parseOpenAiResponsesResponse } from "./openai-responses-response.js";
import { createOpenAiResponsesStreamMapper } from "./openai-responses-stream.js";

/**
 * The `openai-responses` wire format.
 *
 * @example
 * const call = openAiResponsesAdapter.buildRequest(request, { baseUrl: "https://api.openai.com/v1", apiKey });
 */
export const openAiResponsesAdapter: ProviderAdapter = {
  format: "openai-responses",
  buildRequest: buildOpenAiResponsesRequest,
  parseResponse: parseOpenAiResponsesResponse,
  createStreamMapper: createOpenAiResponsesStreamMapper,
  parseError: parseOpenAiChatError,
};
