// Public surface of request parsing.
export { parseResponsesRequest, type ParseRequestResult } from "./parse-responses-request.js";
export { responsesRequestSchema, type ResponsesRequest } from "./responses-request-schema.js";
export { toUpstreamMessages } from "./upstream-messages.js";
export { requestParameters, type OfferParameter } from "./request-parameters.js";
export { IGNORED_OPENAI_PARAMETERS } from "./ignored-parameters.js";
export { issuesToDetails } from "./issue-details.js";
export { validationError } from "./validation-error.js";
export { parseModelReference, type ModelReference } from "./model-reference.js";
export { emptyProviderPreferences, mergeProviderPreferences, PROVIDER_FIELD_NAMES } from "./merge-provider-preferences.js";
export {
  findUnsupportedRoutingFilters,
  providerPreferencesSchema,
  SORT_ALIASES,
  SORT_MODES,
  UNSUPPORTED_ROUTING_FILTERS,
  type ProviderPreferences,
  type SortMode,
} from "./provider-preferences.js";
export type { ReasoningConfig, ResponseCachingPolicy } from "./generation-fields.js";
