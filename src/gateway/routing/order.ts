// `provider.order` (§3): listed providers that survived the filters come first, in the listed
// order; the rest keep their ranked order. `order` never removes a provider.
import { placedBy, type ScoredCandidate } from "./candidate.js";

/**
 * Reorders `ranked` by `order` and reports listed providers that are not candidates.
 *
 * @example
 * applyOrder(ranked, ["anthropic-us", "anthropic"]).ranked.map((c) => c.offer.provider);
 */
export function applyOrder(ranked: readonly ScoredCandidate[], order: readonly string[] | undefined): { ranked: ScoredCandidate[]; notCandidates: string[] } {
  if (!order || order.length === 0) return { ranked: [...ranked], notCandidates: [] };
  const first: ScoredCandidate[] = [];
  const notCandidates: string[] = [];
  for (const provider of new Set(order)) {
    const candidate = ranked.find((c) => c.offer.provider === provider);
    if (candidate) first.push(placedBy(candidate, "order"));
    else notCandidates.push(provider);
  }
  const listed = new Set(first.map((c) => c.offer.provider));
  return { ranked: [...first, ...ranked.filter((c) => !listed.has(c.offer.provider))], notCandidates };
}
