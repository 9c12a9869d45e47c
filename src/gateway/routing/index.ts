// Routing (§5 of the reference sheet): filters, scoring, final ordering and diagnostics.
export { route } from "./route.js";
export { runFilters, type FilterOutcome } from "./run-filters.js";
export { applyProviderFilter, RESTORE_STAGE, type ProviderFilterOutcome } from "./provider-filter.js";
export { DROP_REASONS } from "./filters.js";
export { normalise, inverseSquarePriceWeights, priceBasis, priceScores } from "./normalise.js";
export { weightedOrder } from "./weighted-permutation.js";
export { mulberry32, referenceSeed, sampleBeta, sampleGamma, sampleStandardNormal } from "./beta-sampler.js";
export { latencyPreference, throughputPreference, tokenAffinity } from "./multipliers.js";
export { normaliseRoutingMode, resolveMode, PROFILES, type Priority, type RoutingMode } from "./routing-mode.js";
export { reliabilityDraw, roundDiagnostic, scoreCandidates } from "./score.js";
