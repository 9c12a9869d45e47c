// Where a moment falls in a degradation phase: which occurrence (for repeating phases) and how far
// through it, which drives linear ramps.
import type { DegradationPhase } from "../profile/degradation-schema.js";

/** The occurrence containing a moment and the progress through it (0 at the start, 1 at the end). */
export interface PhaseWindow {
  occurrence: number;
  progress: number;
}

/**
 * The window of `phase` containing `elapsed` (ms since the fleet's start), or undefined when the
 * phase is not active then.
 *
 * @example
 * phaseWindow({ at: 60_000, duration: 10_000, repeat: { every: 30_000, times: 3 }, … }, 95_000); // { occurrence: 1, progress: 0.5 }
 */
export function phaseWindow(phase: Pick<DegradationPhase, "at" | "duration" | "repeat">, elapsed: number): PhaseWindow | undefined {
  const since = elapsed - phase.at;
  if (since < 0) return undefined;
  let occurrence = 0;
  let into = since;
  if (phase.repeat) {
    occurrence = Math.floor(since / phase.repeat.every);
    if (phase.repeat.times !== undefined && occurrence >= phase.repeat.times) return undefined;
    into = since - occurrence * phase.repeat.every;
  }
  if (phase.duration === undefined) return { occurrence, progress: 1 };
  if (into >= phase.duration) return undefined;
  return { occurrence, progress: phase.duration === 0 ? 1 : into / phase.duration };
}
