// Starts the fakes' fleet for one run and picks the gateway's fetch: the fleet's in-process fetch
// (direct), or the global fetch with msw intercepting the providers' real hosts.
import type { Clock } from "../../core/clock.js";
import { createFakeFleet, type FakeFleet } from "../../fakes/fleet.js";
import type { FakeProviderProfile } from "../../fakes/profile/schema.js";
import { startMswInterception } from "../../fakes/transports/msw.js";
import type { Transport } from "../schema/scenario.js";

export interface StartedFleet {
  fleet: FakeFleet;
  /** The fetch to hand the gateway. */
  fetch: typeof fetch;
  /** Stops interception, if any. */
  close(): void;
}

/**
 * @example
 * const { fleet, fetch, close } = startFleet({ seed: "42", clock, profiles, transport: "direct" });
 */
export function startFleet(options: { seed: string; clock: Clock; profiles: readonly FakeProviderProfile[]; transport: Transport }): StartedFleet {
  // Journal entries are not needed by scenarios; keeping none keeps long runs flat in memory.
  const fleet = createFakeFleet({ seed: options.seed, clock: options.clock, profiles: options.profiles, journal: { maxEntries: 0 } });
  if (options.transport === "direct") return { fleet, fetch: fleet.fetch, close: () => undefined };
  const interception = startMswInterception(fleet);
  // Resolved per call, so the fetch msw patched is the one used.
  return { fleet, fetch: (input, init) => globalThis.fetch(input, init), close: () => interception.close() };
}
