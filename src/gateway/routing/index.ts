// Routing (§3): filters, ranking strategies and diagnostics.
export { route } from "./route.js";
export { runFilters, type FilterOutcome } from "./run-filters.js";
export { applyProviderFilter, RESTORE_STAGE, type ProviderFilterOutcome } from "./provider-filter.js";
export { DROP_REASONS } from "./filters.js";
export { minMaxNormalise, inversePriceSquared, priceBasis } from "./normalise.js";
export { weightedPermutation } from "./weighted-permutation.js";
export { sampleBeta, sampleGamma } from "./beta-sampler.js";
export { tokenAffinity } from "./offer-factors.js";
