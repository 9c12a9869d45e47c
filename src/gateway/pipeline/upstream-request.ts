// The provider-neutral request for one offer, from the prepared request.
import type { Offer } from "../catalog/schema.js";
import { toUpstreamMessages } from "../request/upstream-messages.js";
import type { UpstreamRequest } from "../../providers/types.js";
import type { Prepared } from "./prepare-stage.js";

/**
 * @example
 * const upstream = upstreamRequestFor(prepared, offer);
 */
export function upstreamRequestFor(prepared: Prepared, offer: Offer): UpstreamRequest {
  const { request } = prepared;
  const { instructions, messages } = toUpstreamMessages(request);
  return {
    model: offer.providerModel,
    instructions,
    messages,
    temperature: request.temperature,
    topP: request.topP,
    maxOutputTokens: request.maxOutputTokens,
    responseFormat: request.responseFormat,
    stop: request.stop,
    stream: request.stream,
  };
}
