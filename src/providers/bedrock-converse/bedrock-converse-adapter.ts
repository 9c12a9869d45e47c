// The Bedrock Runtime Converse adapter (SigV4, binary event stream for ConverseStream).
import type { ProviderAdapter } from "../types.js";
import { parseBedrockConverseError } from "./bedrock-converse-error.js";
import { buildBedrockConverseRequest } from "./bedrock-converse-request.js";
import { parseBedrockConverseResponse } from "./bedrock-converse-response.js";
import { createBedrockConverseStreamMapper, createBedrockEventDecoder } from "./bedrock-converse-stream.js";

/**
 * The `bedrock-converse` wire format.
 *
 * @example
 * const call = bedrockConverseAdapter.buildRequest(request, { baseUrl: "https://bedrock-runtime.us-east-1.amazonaws.com", apiKey: "AKID:SECRET", now });
 */
export const bedrockConverseAdapter: ProviderAdapter = {
  format: "bedrock-converse",
  buildRequest: buildBedrockConverseRequest,
  parseResponse: parseBedrockConverseResponse,
  createStreamMapper: createBedrockConverseStreamMapper,
  createEventDecoder: createBedrockEventDecoder,
  parseError: parseBedrockConverseError,
};
