// Public surface of the fake providers: profiles, the fleet, its transports and its journal.
export { createFakeFleet, type FakeFleet, type FakeFleetOptions, type FleetTimelineEvent } from "./fleet.js";
export {
  defineFakeProvider,
  fakeProviderProfileSchema,
  fakeProviderListSchema,
  PROFILE_DEFAULTS,
  type FakeOffer,
  type FakeProviderProfile,
  type FakeProviderProfileInput,
} from "./profile/schema.js";
export { degradationPhaseSchema, RAMPS, type DegradationPhase, type DegradationPhaseInput } from "./profile/degradation-schema.js";
export { attemptTraceSchema, formatTraceLine, parseTraceLine, type AttemptTrace, type TracedAttempt } from "./profile/attempt-trace-schema.js";
export { CONTENT_FAULT_TYPES, FAULT_KINDS, SOCKET_FAULT_TYPES, STREAM_FAULT_TYPES, type Fault, type FaultKind, type Trigger } from "./profile/fault-schema.js";
export { DISTRIBUTION_KINDS, durationDistributionSchema, numberDistributionSchema, type Distribution, type DistributionSpec } from "./profile/distribution-schema.js";
export { KNOWN_PROVIDERS, type KnownProviderId } from "./profile/known-providers.js";
export { catalogFromProfiles } from "./profile/to-catalog.js";
export { profilesFromCatalog } from "./profile/from-catalog.js";
export { createJournal, type Journal, type JournalOptions, type JournalSummary } from "./journal/journal.js";
export { CALL_OUTCOMES, type CallOutcome, type JournalDraws, type JournalEntry, type JournalFault } from "./journal/entry.js";
export { CHARS_PER_TOKEN, countTokens } from "./content/tokens.js";
export { startMswInterception, type MswInterception } from "./transports/msw.js";
export { startExpressFakes, type ExpressFakes } from "./transports/express.js";
export type { FakeHttpRequest, FakeOutcome } from "./provider/outcome.js";
