// The residency gate of routing (reference routing.ts:1151-1187, lib/config/providerResidency.ts:168-204):
// a required execution or data region must be among the offer's regions, and `zdr` needs an offer whose
// zero data retention is on by default ("optional" is not a guarantee).
import type { Offer } from "./schema.js";

export interface ResidencyRequirement {
  requiredExecutionRegion?: string | undefined;
  requiredDataRegion?: string | undefined;
  requireZeroDataRetention?: boolean | undefined;
}

/** Whether the request asks for any residency property. */
export function hasResidencyRequirement(requirement: ResidencyRequirement): boolean {
  return Boolean(requirement.requiredExecutionRegion?.trim() || requirement.requiredDataRegion?.trim() || requirement.requireZeroDataRetention);
}

/**
 * The reason an offer fails the requirement (`execution_region_mismatch`, `data_region_mismatch`,
 * `zero_data_retention_unsupported`), or undefined when it passes. An offer with no region data fails a region requirement.
 *
 * @example
 * residencyDropReason({ requiredExecutionRegion: "EU" })(offer); // undefined when offer.executionRegions includes "eu"
 */
export function residencyDropReason(requirement: ResidencyRequirement): (offer: Offer) => string | undefined {
  const execution = requirement.requiredExecutionRegion?.trim().toLowerCase() || undefined;
  const data = requirement.requiredDataRegion?.trim().toLowerCase() || undefined;
  return (offer) => {
    if (execution !== undefined && !(offer.executionRegions ?? []).includes(execution)) return "execution_region_mismatch";
    if (data !== undefined && !(offer.dataRegions ?? []).includes(data)) return "data_region_mismatch";
    if (requirement.requireZeroDataRetention && (offer.zeroDataRetention ?? "unknown") !== "default") return "zero_data_retention_unsupported";
    return undefined;
  };
}
