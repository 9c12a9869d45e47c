// The Gemini API adapter (generativelanguage.googleapis.com, generateContent).
import type { ProviderAdapter } from "../types.js";
import { parseGeminiError } from "./gemini-error.js";
import { buildGeminiRequest } from "./gemini-request.js";
import { parseGeminiResponse } from "./gemini-response.js";
import { createGeminiStreamMapper } from "./gemini-stream.js";

/**
 * The `gemini` wire format.
 *
 * @example
 * const call = geminiAdapter.buildRequest(request, { baseUrl: "https://generativelanguage.googleapis.com", apiKey });
 */
export const geminiAdapter: ProviderAdapter = {
  format: "gemini",
  buildRequest: buildGeminiRequest,
  parseResponse: parseGeminiResponse,
  createStreamMapper: createGeminiStreamMapper,
  parseError: parseGeminiError,
};
