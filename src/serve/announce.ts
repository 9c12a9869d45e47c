// Lines `serve` prints when a provider's state changes: a fleet wrapper that reports each
// degradation, recovery and reconfiguration as the timeline applies it, and the end of timed faults.
import type { Clock } from "../core/clock.js";
import { formatDuration } from "../core/duration.js";
import type { FakeFleet } from "../fakes/fleet.js";
import { degradationPhaseSchema, type DegradationPhaseInput } from "../fakes/profile/degradation-schema.js";
import { FAULT_KINDS } from "../fakes/profile/fault-schema.js";

/** A provider state change, as printed. */
export interface StateChange {
  /** Simulated ms since the start of the served run. */
  offsetMs: number;
  provider: string;
  kind: "degraded" | "recovered" | "reconfigured";
  detail: string;
}

/** `[+2m] openai degraded: http_error {"status":503} for 5m` */
export function formatStateChange(change: StateChange): string {
  const t = `+${formatDuration(Math.round(change.offsetMs / 1000) * 1000)}`;
  return `[${t}] ${change.provider} ${change.kind}${change.detail ? `: ${change.detail}` : ""}`;
}

/** The fault of a phase input, compactly: `http_error 503 for 5m`. */
export function describePhase(phase: DegradationPhaseInput): string {
  const parsed = degradationPhaseSchema.parse(phase);
  const kind = FAULT_KINDS.find((k) => phase[k] !== undefined) ?? "fault";
  const value = phase[kind as keyof DegradationPhaseInput];
  const shown = typeof value === "object" ? JSON.stringify(value) : String(value);
  return `${kind} ${shown}${parsed.duration === undefined ? "" : ` for ${formatDuration(parsed.duration)}`}`;
}

/**
 * `fleet` with degrade/recover/setProfile reporting to `onChange` (the end of a timed phase too).
 *
 * @example
 * scheduleTimeline(scenario, { clock, fleet: announcingFleet(fleet, clock, (c) => log(formatStateChange(c))), presets });
 */
export function announcingFleet(fleet: FakeFleet, clock: Clock, onChange: (change: StateChange) => void): FakeFleet {
  const offset = (): number => clock.now() - fleet.startTime;
  return {
    ...fleet,
    degrade(id, phase) {
      fleet.degrade(id, phase);
      onChange({ offsetMs: offset(), provider: id, kind: "degraded", detail: describePhase(phase) });
      const { at, duration } = degradationPhaseSchema.parse(phase);
      if (duration === undefined) return;
      // Without `at` the fleet starts the phase now (as scheduleTimeline's events carry their own `at`).
      const endsIn = phase.at === undefined ? duration : fleet.startTime + at + duration - clock.now();
      clock.schedule(Math.max(0, endsIn), () => onChange({ offsetMs: offset(), provider: id, kind: "recovered", detail: "fault phase ended" }));
    },
    recover(id) {
      fleet.recover(id);
      onChange({ offsetMs: offset(), provider: id, kind: "recovered", detail: "every fault ended" });
    },
    setProfile(id, profile) {
      fleet.setProfile(id, profile);
      onChange({ offsetMs: offset(), provider: id, kind: "reconfigured", detail: "profile replaced" });
    },
  };
}
