// Plays the timeline on the clock, and works out beforehand when each named incident starts and
// ends, so expectations such as `failover.within` can be evaluated as requests finish.
import type { Clock } from "../../core/clock.js";
import type { FakeProviderProfile } from "../../fakes/profile/schema.js";
import type { IncidentWindow, RunFacts } from "../expect/outcome.js";
import type { LoadedScenario } from "../load/loaded-scenario.js";
import type { TimelineEvent } from "../schema/timeline.js";
import type { FakeFleet } from "../../fakes/fleet.js";
import type { SwappablePresetStore } from "./swappable-presets.js";

/** The provider a timeline event acts on, if any. */
export function eventProvider(event: TimelineEvent): string | null {
  return event.degrade?.own.provider ?? event.recover ?? event.reconfigure?.provider ?? null;
}

/** Timeline indices in the order events fire: by time, then file order. */
function firingOrder(timeline: readonly TimelineEvent[]): number[] {
  return timeline.map((_, i) => i).sort((a, b) => (timeline[a]?.at ?? 0) - (timeline[b]?.at ?? 0) || a - b);
}

/**
 * Each named event's window: a degradation lasts its `duration`, else until the provider's next
 * `recover`, else to the end of the run.
 */
export function runFacts(timeline: readonly TimelineEvent[]): RunFacts {
  const incidents: Record<string, IncidentWindow> = {};
  timeline.forEach((event, i) => {
    if (event.name === undefined) return;
    const provider = eventProvider(event);
    const duration = event.degrade?.rest.duration;
    let endMs = duration === undefined ? undefined : event.at + duration;
    if (endMs === undefined && provider !== null) {
      const recovery = firingOrder(timeline)
        .map((j) => ({ j, e: timeline[j] as TimelineEvent }))
        .find(({ j, e }) => e.recover === provider && (e.at > event.at || (e.at === event.at && j > i)));
      endMs = recovery?.e.at;
    }
    incidents[event.name] = { provider, startMs: event.at, endMs };
  });
  return { incidents };
}

/** The full profile each `reconfigure` event installs, applying earlier reconfigurations first. */
export function reconfiguredProfiles(scenario: LoadedScenario): Map<number, FakeProviderProfile> {
  const current = new Map(scenario.rawProfiles);
  const out = new Map<number, FakeProviderProfile>();
  for (const i of firingOrder(scenario.spec.timeline)) {
    const change = scenario.spec.timeline[i]?.reconfigure;
    if (!change) continue;
    const { provider, ...fields } = change;
    const merged = { ...current.get(provider), ...fields };
    current.set(provider, merged);
    out.set(i, scenario.profileSchema.parse(merged));
  }
  return out;
}

/**
 * Schedules every timeline event on `clock` (relative to now, the start of the run).
 *
 * @example
 * scheduleTimeline(scenario, { clock, fleet, presets });
 */
export function scheduleTimeline(scenario: LoadedScenario, deps: { clock: Clock; fleet: FakeFleet; presets: SwappablePresetStore }): void {
  const profiles = reconfiguredProfiles(scenario);
  for (const i of firingOrder(scenario.spec.timeline)) {
    const event = scenario.spec.timeline[i] as TimelineEvent;
    deps.clock.schedule(event.at, () => {
      // The fleet counts phase times from its start, which is the start of the run.
      if (event.degrade) deps.fleet.degrade(event.degrade.own.provider, { ...event.degrade.restInput, at: event.at });
      if (event.recover) deps.fleet.recover(event.recover);
      const profile = profiles.get(i);
      if (event.reconfigure && profile) deps.fleet.setProfile(event.reconfigure.provider, profile);
      const preset = scenario.swapPresets.get(i);
      if (preset) deps.presets.swap(preset);
    });
  }
}
