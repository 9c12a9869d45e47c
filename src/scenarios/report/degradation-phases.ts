// When each provider was degraded during a run, for shading the HTML report's charts: the
// profiles' own degradation phases and the timeline's `degrade` events, cut short by `recover`.
import type { DegradationPhase } from "../../fakes/profile/degradation-schema.js";
import type { LoadedScenario } from "../load/loaded-scenario.js";

export interface DegradationPhaseReport {
  provider: string;
  /** The fault kind, e.g. `http_error`. */
  fault: string;
  /** The timeline event's name, if it has one. */
  name: string | null;
  from_ms: number;
  to_ms: number;
}

/** A repeating phase is listed occurrence by occurrence, at most this many times. */
const MAX_OCCURRENCES = 100;

function occurrences(phase: DegradationPhase, start: number, endMs: number): [number, number][] {
  const out: [number, number][] = [];
  const times = phase.repeat ? (phase.repeat.times ?? MAX_OCCURRENCES) : 1;
  for (let k = 0; k < Math.min(times, MAX_OCCURRENCES); k++) {
    const from = start + k * (phase.repeat?.every ?? 0);
    if (from >= endMs) break;
    out.push([from, Math.min(endMs, phase.duration === undefined ? endMs : from + phase.duration)]);
  }
  return out;
}

/**
 * Phases in time order, each clipped to the run (`simulatedMs`) and to the provider's next recovery.
 *
 * @example
 * degradationPhases(loaded, 20 * 60_000); // [{ provider: "openai", fault: "http_error", name: "openai-503-burst", from_ms: 120000, to_ms: 420000 }]
 */
export function degradationPhases(scenario: LoadedScenario, simulatedMs: number): DegradationPhaseReport[] {
  const { spec } = scenario;
  const recoveries = spec.timeline.filter((e) => e.recover !== undefined).map((e) => ({ provider: e.recover as string, at: e.at }));
  const recoveryAfter = (provider: string, at: number): number => Math.min(simulatedMs, ...recoveries.filter((r) => r.provider === provider && r.at > at).map((r) => r.at));
  const phases: DegradationPhaseReport[] = [];
  const add = (provider: string, phase: DegradationPhase, start: number, name: string | null): void => {
    for (const [from, to] of occurrences(phase, start, recoveryAfter(provider, start))) {
      if (to > from) phases.push({ provider, fault: phase.fault.kind, name, from_ms: from, to_ms: to });
    }
  };
  for (const profile of spec.providers) for (const phase of profile.degradations) add(profile.id, phase, phase.at, null);
  for (const event of spec.timeline) if (event.degrade) add(event.degrade.own.provider, event.degrade.rest, event.at, event.name ?? null);
  return phases.sort((a, b) => a.from_ms - b.from_ms || a.provider.localeCompare(b.provider));
}
