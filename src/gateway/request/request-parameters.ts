// The request parameters an offer must support under `require_parameters` (§3), named as the
// catalog names them.
import { OFFER_PARAMETERS } from "../catalog/schema.js";
import type { ResponsesRequest } from "./responses-request-schema.js";

export type OfferParameter = (typeof OFFER_PARAMETERS)[number];

/** Whether the request sets each catalog parameter; one predicate per registry entry. */
const PRESENT: Record<OfferParameter, (request: ResponsesRequest) => boolean> = {
  temperature: (r) => r.temperature !== undefined,
  top_p: (r) => r.topP !== undefined,
  max_output_tokens: (r) => r.maxOutputTokens !== undefined,
  // Plain text is every provider's default, so it requires nothing.
  response_format: (r) => r.responseFormat !== undefined && r.responseFormat.type !== "text",
  tools: (r) => (r.tools?.length ?? 0) > 0,
  reasoning: (r) => r.reasoning !== undefined && Object.keys(r.reasoning).length > 0,
  stop: (r) => (r.stop?.length ?? 0) > 0,
  seed: (r) => r.seed !== undefined,
};

/**
 * Catalog parameter names the request uses, in registry order.
 *
 * @example
 * requestParameters(parseResponsesRequest({ model: "openai/gpt-5.4-nano", input: "x", temperature: 0 }).request);
 * // ["temperature"]
 */
export function requestParameters(request: ResponsesRequest): OfferParameter[] {
  // A loop rather than filter(): this runs for every request.
  const present: OfferParameter[] = [];
  for (const name of OFFER_PARAMETERS) if (PRESENT[name](request)) present.push(name);
  return present;
}
