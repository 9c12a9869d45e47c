// Builds a scenario's per-request report section as requests finish. Memory stays bounded: one
// compact row per request, and full details only for the first requests and notable ones
// (failed over, failed, healed) up to a cap.
import type { UsageRecord } from "../../gateway/types.js";
import { healingExecution } from "../expect/request-checks.js";
import type { DegradationPhaseReport } from "./degradation-phases.js";
import { requestDetail, type RequestDetail } from "./request-detail.js";
import { type HealingOutcome, REQUEST_COLUMNS, type RequestRow, type RequestsSection, roundMs, roundUsd } from "./request-rows.js";

/** Every request's detail is kept up to this many… */
export const DETAIL_FIRST = 100;
/** …then only notable requests', up to this many details in all. */
export const DETAIL_MAX = 1000;

export interface CollectedRequest {
  index: number;
  name: string | null;
  offsetMs: number;
  record: UsageRecord;
  requestBody: unknown;
  responseBody: unknown;
}

export interface RequestCollector {
  add(request: CollectedRequest): void;
  finish(phases: DegradationPhaseReport[]): RequestsSection;
}

const BREAKER_LETTER = { closed: "c", half_open: "h", open: "o" } as const;

function healingOf(record: UsageRecord): HealingOutcome {
  return healingExecution(record)?.status ?? "none";
}

/** Failed over, failed, or healed: worth a detail beyond the first requests. */
function isNotable(record: UsageRecord): boolean {
  const healing = healingOf(record);
  return record.attempts.length > 1 || record.status === "failed" || record.http_status >= 400 || healing === "applied" || healing === "failed";
}

/**
 * @example
 * const collector = createRequestCollector();
 * collector.add({ index: 0, name: "seed-request", offsetMs: 0, record, requestBody, responseBody });
 * report.requests = collector.finish(degradationPhases(scenario, stats.simulated_ms));
 */
export function createRequestCollector(): RequestCollector {
  const providers: string[] = [];
  const providerIds = new Map<string, number>();
  const names = new Map<string, number>();
  const rows: RequestRow[] = [];
  const details: RequestDetail[] = [];
  const providerId = (p: string): number => {
    let id = providerIds.get(p);
    if (id === undefined) providerIds.set(p, (id = providers.push(p) - 1));
    return id;
  };
  const nameId = (n: string | null): number => {
    if (n === null) return -1;
    let id = names.get(n);
    if (id === undefined) names.set(n, (id = names.size));
    return id;
  };
  return {
    add({ index, name, offsetMs, record, requestBody, responseBody }) {
      const breakers = new Map((record.routing_diagnostics?.rankedProviders ?? []).map((r) => [providerId(r.provider), BREAKER_LETTER[r.breaker]]));
      const attempted = record.attempts.map((a) => providerId(a.provider));
      const keep = details.length < DETAIL_MAX && (rows.length < DETAIL_FIRST || isNotable(record));
      if (keep) details.push(requestDetail(record, index, requestBody, responseBody));
      rows.push([
        index,
        roundMs(offsetMs),
        nameId(name),
        record.id,
        record.selected_provider === null ? -1 : providerId(record.selected_provider),
        record.status,
        record.http_status,
        roundMs(record.latency_ms),
        record.ttft_ms === null ? null : roundMs(record.ttft_ms),
        roundUsd(record.cost_usd),
        attempted,
        healingOf(record),
        record.response_cache?.status ?? null,
        // Providers seen later get their letter in later rows only: pad when the table is finished.
        [...breakers.entries()].map(([p, letter]) => `${p}${letter}`).join(","),
        keep ? details.length - 1 : -1,
      ]);
    },
    finish(phases) {
      for (const p of phases) providerId(p.provider);
      const letters = (encoded: string): string => {
        const out = Array.from({ length: providers.length }, () => "-");
        for (const part of encoded.split(",")) if (part) out[Number(part.slice(0, -1))] = part.slice(-1);
        return out.join("");
      };
      const sorted = rows.map(([i, t, n, id, p, s, h, l, tt, c, a, he, ca, b, d]): RequestRow => [i, t, n, id, p, s, h, l, tt, c, a, he, ca, letters(b), d]).sort((a, b) => a[0] - b[0]);
      const namesOrdered = [...names.keys()];
      return {
        total: rows.length,
        detail_policy: { kept: details.length, first: DETAIL_FIRST, notable_max: DETAIL_MAX },
        columns: REQUEST_COLUMNS,
        providers: [...providers],
        names: namesOrdered,
        phases,
        rows: sorted,
        details,
      };
    },
  };
}
