// `provider.only` and `provider.ignore`, and what happens when together they leave nothing (§3.2):
// the reference code silently restores the pool, the documented contract says the request stays
// inside `only`. gateway-sim follows the code by default and says so in a warning.
import { GatewayError } from "../../core/errors.js";
import type { Offer } from "../catalog/schema.js";
import type { ProviderPreferences } from "../request/provider-preferences.js";
import { byFidelity } from "../fidelity.js";
import type { GatewaySettings } from "../settings.js";
import type { FilterStage } from "../types.js";
import { runFilterStage } from "./filter-stage.js";
import { ignoreReason, onlyReason } from "./filters.js";

/** The stage recorded when the pool is restored, so the diagnostics show it happened. */
export const RESTORE_STAGE = "restore_full_pool";

export type ProviderFilterOutcome = { ok: true; pool: Offer[]; stages: FilterStage[]; warnings: string[] } | { ok: false; error: GatewayError; stages: FilterStage[] };

/**
 * Applies `only` then `ignore` (an empty list counts as unset) and the empty-pool policy
 * `settings.routing.emptyPoolAfterProviderFilter`.
 *
 * @example
 * const out = applyProviderFilter("openai/gpt-5.4-nano", offers, prefs, settings);
 * if (out.ok) console.log(out.pool.map((o) => o.provider), out.warnings);
 */
export function applyProviderFilter(model: string, pool: readonly Offer[], preferences: Pick<ProviderPreferences, "only" | "ignore">, settings: GatewaySettings): ProviderFilterOutcome {
  const stages: FilterStage[] = [];
  let current: Offer[] = [...pool];
  const only = nonEmpty(preferences.only);
  const ignore = nonEmpty(preferences.ignore);
  if (only) {
    const step = runFilterStage("hints.only", current, onlyReason(only));
    stages.push(step.record);
    current = step.pool;
  }
  if (ignore) {
    const step = runFilterStage("hints.ignore", current, ignoreReason(ignore));
    stages.push(step.record);
    current = step.pool;
  }
  if (current.length > 0 || pool.length === 0 || (!only && !ignore)) return { ok: true, pool: current, stages, warnings: [] };

  const lists = describeLists(only, ignore);
  const eligible = pool.map((o) => o.provider).join(", ");
  const policy = byFidelity(settings.routing.emptyPoolAfterProviderFilter, settings.fidelity, { reference: "restore_full_pool", documented: "fail_closed" });
  if (policy === "fail_closed") {
    return {
      ok: false,
      stages,
      error: new GatewayError(
        "unsupported_model_or_endpoint",
        `No provider for ${model} is left after ${lists}: the eligible providers were ${eligible}. ` +
          `The gateway setting routing.emptyPoolAfterProviderFilter is "fail_closed", so the request stays inside provider.only/ignore and fails.`,
        { details: [{ message: `eligible providers: ${eligible}`, path: only ? "provider.only" : "provider.ignore", keyword: "no_providers_after_provider_filter" }] },
      ),
    };
  }
  stages.push({ stage: RESTORE_STAGE, before: 0, after: pool.length, dropped: [] });
  return {
    ok: true,
    pool: [...pool],
    stages,
    warnings: [
      `${lists} left no provider for ${model}; the pool before those filters was restored (${eligible}). ` +
        `The documented contract keeps the request inside provider.only; the reference code restores the full pool, and gateway-sim follows the code. ` +
        `Set routing.emptyPoolAfterProviderFilter to "fail_closed" to fail instead.`,
    ],
  };
}

function nonEmpty(list: readonly string[] | undefined): readonly string[] | undefined {
  return list && list.length > 0 ? list : undefined;
}

function describeLists(only: readonly string[] | undefined, ignore: readonly string[] | undefined): string {
  const parts: string[] = [];
  if (only) parts.push(`provider.only [${only.join(", ")}]`);
  if (ignore) parts.push(`provider.ignore [${ignore.join(", ")}]`);
  return parts.join(" and ");
}
