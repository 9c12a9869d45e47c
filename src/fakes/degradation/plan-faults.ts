// Decides which faults hit one request: every phase active at its arrival is asked in order, with
// its trigger (probability, first-N count or exact sequence) and its ramp.
import type { Random } from "../../core/random.js";
import type { DegradationPhase } from "../profile/degradation-schema.js";
import type { Fault } from "../profile/fault-schema.js";
import { phaseWindow } from "./phase-window.js";

/** A fault that hit, with the phase it came from; multipliers carry their ramped factor. */
export interface AppliedFault {
  phase: number;
  fault: Fault;
}

/** Per-phase counters for count and sequence triggers; they restart with each occurrence. */
export interface PhaseCounters {
  occurrence: number;
  seen: number;
}

/**
 * The faults that hit a request arriving `elapsed` ms after the start, asking for `models`.
 * Probability triggers draw one number per active phase, hit or not, so draws stay aligned.
 *
 * @example
 * const hits = planFaults(profile.degradations, counters, 65_000, ["openai/gpt-5.4-nano", "gpt-5.4-nano"], random);
 */
export function planFaults(phases: readonly DegradationPhase[], counters: PhaseCounters[], elapsed: number, models: readonly string[], random: Random): AppliedFault[] {
  const hits: AppliedFault[] = [];
  phases.forEach((phase, index) => {
    if (phase.models && !phase.models.some((m) => models.includes(m))) return;
    const window = phaseWindow(phase, elapsed);
    if (!window) return;
    const state = (counters[index] ??= { occurrence: window.occurrence, seen: 0 });
    if (state.occurrence !== window.occurrence) {
      state.occurrence = window.occurrence;
      state.seen = 0;
    }
    const position = state.seen++;
    const strength = phase.ramp === "linear" ? window.progress : 1;
    if (!triggered(phase, position, strength, random)) return;
    hits.push({ phase: index, fault: ramped(phase.fault, strength) });
  });
  return hits;
}

function isMultiplier(fault: Fault): fault is Extract<Fault, { factor: number }> {
  return fault.kind === "latency_multiplier" || fault.kind === "throughput_multiplier";
}

function triggered(phase: DegradationPhase, position: number, strength: number, random: Random): boolean {
  const trigger = phase.trigger;
  if (trigger.kind === "count") return position < trigger.n;
  if (trigger.kind === "sequence") return trigger.steps[position] ?? false;
  // A linear ramp grows a multiplier's factor, and any other fault's probability.
  const p = isMultiplier(phase.fault) ? trigger.p : trigger.p * strength;
  return random.next() < p;
}

function ramped(fault: Fault, strength: number): Fault {
  if (!isMultiplier(fault) || strength === 1) return fault;
  return { ...fault, factor: 1 + (fault.factor - 1) * strength };
}
