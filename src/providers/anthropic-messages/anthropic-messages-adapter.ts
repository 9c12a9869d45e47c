// The Anthropic Messages adapter (api.anthropic.com and its regional hosts).
import type { ProviderAdapter } from "../types.js";
import { parseAnthropicMessagesError } from "./anthropic-messages-error.js";
import { buildAnthropicMessagesRequest } from "./anthropic-messages-request.js";
import { parseAnthropicMessagesResponse } from "./anthropic-messages-response.js";
import { createAnthropicMessagesStreamMapper } from "./anthropic-messages-stream.js";

/**
 * The `anthropic-messages` wire format.
 *
 * @example
 * const call = anthropicMessagesAdapter.buildRequest(request, { baseUrl: "https://api.anthropic.com", apiKey });
 */
export const anthropicMessagesAdapter: ProviderAdapter = {
  format: "anthropic-messages",
  buildRequest: buildAnthropicMessagesRequest,
  parseResponse: parseAnthropicMessagesResponse,
  createStreamMapper: createAnthropicMessagesStreamMapper,
  parseError: parseAnthropicMessagesError,
};
