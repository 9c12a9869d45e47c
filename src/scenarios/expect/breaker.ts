// "The breaker opens within N requests, probes, then closes": a provider's circuit breaker as each
// request's routing saw it, checked over the selected requests in sending order (they finish out of
// order, so only index, state and probe flag are kept until the end).
import type { BreakerState } from "../../gateway/types.js";
import { describeBound, withinBound } from "../schema/bounds.js";
import type { BreakerExpectation } from "../schema/expectations.js";
import { formatNumber } from "./format.js";
import type { RequestOutcome } from "./outcome.js";
import type { CheckFailure } from "./result.js";

export interface BreakerCheck {
  observe(o: RequestOutcome): void;
  finish(): CheckFailure[];
}

interface Seen {
  index: number;
  /** Undefined when the request was not routed (cache hit, invalid request) or the provider was not ranked. */
  state: BreakerState | undefined;
  probe: boolean;
}

/** Consecutive repeats collapsed: closed, closed, open, open, half_open → closed, open, half_open. */
function transitions(seen: readonly Seen[]): BreakerState[] {
  const out: BreakerState[] = [];
  for (const s of seen) if (s.state !== undefined && out.at(-1) !== s.state) out.push(s.state);
  return out;
}

/** Whether `wanted` appears in `states` in order (other states may come between). */
function inOrder(states: readonly BreakerState[], wanted: readonly BreakerState[]): boolean {
  let k = 0;
  for (const s of states) if (s === wanted[k]) k++;
  return k === wanted.length;
}

function failures(spec: BreakerExpectation, seen: Seen[]): CheckFailure[] {
  const out: CheckFailure[] = [];
  const check = (name: string): string => `breaker.${name} (${spec.provider})`;
  const states = transitions(seen);
  if (spec.opens_within !== undefined) {
    const at = seen.findIndex((s) => s.state === "open");
    if (at === -1 || at + 1 > spec.opens_within) {
      out.push({ check: check("opens_within"), expected: `open by request ${spec.opens_within} of the selection`, actual: at === -1 ? "never seen open" : `first seen open at request ${at + 1}` });
    }
  }
  if (spec.sequence && !inOrder(states, spec.sequence)) {
    out.push({ check: check("sequence"), expected: spec.sequence.join(" → "), actual: states.length === 0 ? "no state seen" : states.join(" → ") });
  }
  const probes = seen.filter((s) => s.probe).length;
  if (spec.probes && !withinBound(spec.probes, probes)) {
    out.push({ check: check("probes"), expected: `${describeBound(spec.probes, formatNumber)} half-open probes`, actual: formatNumber(probes) });
  }
  const last = [...seen].reverse().find((s) => s.state !== undefined)?.state;
  if (spec.final !== undefined && last !== spec.final) {
    out.push({ check: check("final"), expected: spec.final, actual: last ?? "no state seen" });
  }
  return out;
}

/**
 * @example
 * const check = createBreakerCheck({ provider: "openai", opens_within: 40, sequence: ["closed", "open", "half_open", "closed"] });
 * outcomes.forEach(check.observe); check.finish(); // [] when the breaker behaved
 */
export function createBreakerCheck(spec: BreakerExpectation): BreakerCheck {
  const seen: Seen[] = [];
  return {
    observe(o) {
      const ranked = o.record.routing_diagnostics?.rankedProviders.find((r) => r.provider === spec.provider);
      const state = spec.as === "documented" ? ranked && (ranked.documentedBreakerOpen ? "open" : "closed") : ranked?.breaker;
      // A probe is an attempt admitted through the half-open breaker (index.ts:592-601).
      const probe = o.record.attempts.some((a) => a.provider === spec.provider && a.was_probe === true);
      seen.push({ index: o.index, state, probe });
    },
    finish: () =>
      failures(
        spec,
        seen.sort((a, b) => a.index - b.index),
      ),
  };
}
