// One run of a scenario's fakes served for an outside gateway: a sped-up real clock that can be
// stopped, the fleet, and the timeline scheduled from the run's start. A reset ends a run; the next
// request (or an explicit start) begins a new one, with fresh fakes and a fresh timeline.
import { type Clock } from "../core/clock.js";
import { createFakeFleet, type FakeFleet } from "../fakes/fleet.js";
import type { JournalEntry } from "../fakes/journal/entry.js";
import type { LoadedScenario } from "../scenarios/load/loaded-scenario.js";
import { createSwappablePresetStore } from "../scenarios/run/swappable-presets.js";
import { scheduleTimeline } from "../scenarios/run/timeline.js";
import { announcingFleet, formatStateChange } from "../serve/announce.js";
import { stoppableClock, type StoppableClock } from "../serve/stoppable-clock.js";

export interface FakesRun {
  /** 1 for the first run, +1 after each reset. */
  readonly number: number;
  readonly clock: StoppableClock;
  readonly fleet: FakeFleet;
  /** Clock time the run (and its timeline) started. */
  readonly origin: number;
  stop(): void;
}

/**
 * Starts a run now: the fleet's phases and the timeline count from this instant.
 *
 * @example
 * const run = startFakesRun({ scenario, seed: "42", base: new RealClock({ speed: 20 }), number: 1, onEntry, log });
 */
export function startFakesRun(options: { scenario: LoadedScenario; seed: string; base: Clock; number: number; onEntry: (entry: JournalEntry) => void; log: (line: string) => void }): FakesRun {
  const { scenario } = options;
  const clock = stoppableClock(options.base);
  // No entry is retained by the fleet: the server keeps its own cursor-numbered log of them.
  const fleet = createFakeFleet({ seed: options.seed, clock, profiles: scenario.spec.providers, journal: { maxEntries: 0, onEntry: options.onEntry } });
  // swap_preset events change the built-in gateway's presets only; an outside gateway never sees them.
  const presets = createSwappablePresetStore(scenario.presets);
  scheduleTimeline(scenario, { clock, fleet: announcingFleet(fleet, clock, (c) => options.log(formatStateChange(c))), presets });
  return { number: options.number, clock, fleet, origin: fleet.startTime, stop: () => clock.stop() };
}
