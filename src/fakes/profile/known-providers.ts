// Real base URLs and wire formats of well-known providers, so a profile with a known id needs
// neither, and in-process interception answers the URLs the gateway really calls.
import type { WireFormat } from "../../providers/wire-formats.js";

/** Known provider ids with their real base URL and wire format. */
export const KNOWN_PROVIDERS = {
  openai: { baseUrl: "https://api.openai.com/v1", format: "openai-chat" },
  "openai-eu": { baseUrl: "https://eu.api.openai.com/v1", format: "openai-chat" },
  anthropic: { baseUrl: "https://api.anthropic.com", format: "anthropic-messages" },
  "anthropic-us": { baseUrl: "https://us.api.anthropic.com", format: "anthropic-messages" },
  deepinfra: { baseUrl: "https://api.deepinfra.com/v1/openai", format: "openai-chat" },
  together: { baseUrl: "https://api.together.xyz/v1", format: "openai-chat" },
  groq: { baseUrl: "https://api.groq.com/openai/v1", format: "openai-chat" },
  "google-vertex": {
    baseUrl: "https://us-central1-aiplatform.googleapis.com/v1/projects/gateway-sim/locations/us-central1/endpoints/openapi",
    format: "openai-chat",
  },
  "google-vertex-eu": {
    baseUrl: "https://europe-west4-aiplatform.googleapis.com/v1/projects/gateway-sim/locations/europe-west4/endpoints/openapi",
    format: "openai-chat",
  },
  "google-ai-studio": { baseUrl: "https://generativelanguage.googleapis.com/v1beta/openai", format: "openai-chat" },
  // Native APIs: Gemini's own generateContent and Bedrock Converse (SigV4).
  gemini: { baseUrl: "https://generativelanguage.googleapis.com", format: "gemini" },
  bedrock: { baseUrl: "https://bedrock-runtime.us-east-1.amazonaws.com", format: "bedrock-converse" },
} as const satisfies Record<string, { baseUrl: string; format: WireFormat }>;

export type KnownProviderId = keyof typeof KNOWN_PROVIDERS;

/** The known entry for `id`, if any. */
export function knownProvider(id: string): { baseUrl: string; format: WireFormat } | undefined {
  return Object.hasOwn(KNOWN_PROVIDERS, id) ? KNOWN_PROVIDERS[id as KnownProviderId] : undefined;
}

/**
 * Base URL for a provider the table does not know: a reserved `.test` host, so it can never reach
 * the internet. OpenAI-format fakes get the usual `/v1` prefix.
 *
 * @example
 * fallbackBaseUrl("acme", "openai-chat"); // "https://acme.gateway-sim.test/v1"
 */
export function fallbackBaseUrl(id: string, format: WireFormat): string {
  return format === "openai-chat" || format === "openai-responses" ? `https://${id}.gateway-sim.test/v1` : `https://${id}.gateway-sim.test`;
}
