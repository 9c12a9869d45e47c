// `serve`: a scenario played in real time (or faster) over real HTTP — its fake providers on local
// ports, the gateway in front of them, the timeline applied as the clock reaches each event, and
// optionally the scenario's own traffic — until close() stops everything.
import { type Clock, RealClock } from "../core/clock.js";
import { createKeepAliveFetch } from "../core/keep-alive-fetch.js";
import { createRandomFactory } from "../core/random.js";
import { createFakeFleet } from "../fakes/fleet.js";
import { startExpressFakes } from "../fakes/transports/express.js";
import { createGateway, type Gateway } from "../gateway/create-gateway.js";
import type { JsonLinesSink } from "../gateway/usage/json-lines-sink.js";
import { createMemoryUsageLog } from "../gateway/usage/memory-usage-log.js";
import type { PresetStore } from "../gateway/presets/preset-store.js";
import type { LoadedScenario } from "../scenarios/load/loaded-scenario.js";
import { createSwappablePresetStore } from "../scenarios/run/swappable-presets.js";
import { scheduleTimeline } from "../scenarios/run/timeline.js";
import { createInFlightTracker } from "../server/in-flight.js";
import { startServer } from "../server/start-server.js";
import { announcingFleet, formatStateChange } from "./announce.js";
import { breakerWatch } from "./breaker-watch.js";
import { formatCacheNotStored } from "./cache-not-stored.js";
import { pointCatalog } from "./point-catalog.js";
import { createServeApp } from "./serve-app.js";
import { playServedTraffic } from "./served-traffic.js";
import { stoppableClock } from "./stoppable-clock.js";
import { openUsageExport, sinceStart, type UsageExport, type UsageExportOutcome } from "./usage-export.js";
import { createUsageJournal, journalingGateway } from "./usage-journal.js";

export const DEFAULT_SERVE_PORT = 8787;
/** The key the seeds' curl lines send; any bearer key is accepted unless `apiKey` is set. */
export const SEED_API_KEY = "YOUR_API_KEY";
/** Usage records (and live-page journal entries) a served run keeps; older ones are only exported. */
export const SERVE_RETAINED_RECORDS = 10_000;

export interface ServeOptions {
  scenario: LoadedScenario;
  /** Gateway port (default 8787; 0 picks a free one). Every server binds 127.0.0.1. */
  port?: number | undefined;
  /** Simulated seconds per real second (default 1). */
  speed?: number | undefined;
  /** Overrides the scenario's seed. */
  seed?: string | undefined;
  /** Also send the scenario's traffic. */
  traffic?: boolean | undefined;
  /** Accept only this bearer key (default: any key, so `YOUR_API_KEY` works). */
  apiKey?: string | undefined;
  /**
   * Use fakes served elsewhere (`gateway-sim fakes`, at this base URL) instead of starting them: the
   * gateway calls `<url>/<provider-id><base path>`, and the timeline is theirs to play.
   */
  fakesUrl?: string | undefined;
  /** Write every usage record as JSON Lines to this file (streamed, closed on close()). */
  exportUsage?: string | undefined;
  /**
   * Bytes of the export the file may lag behind by before records are dropped (counted, warned about,
   * reported by `exportOutcome()`); default `DEFAULT_MAX_BUFFERED_BYTES` (8 MiB).
   */
  exportBufferBytes?: number | undefined;
  /** How long close() lets requests in flight finish before cancelling them (real ms; default 10 s). */
  graceMs?: number | undefined;
  log: (line: string) => void;
  /** Warnings (the export dropping records or failing); default: `log`. */
  warn?: ((line: string) => void) | undefined;
}

export interface ServeHandle {
  /** The gateway's base URL (`…/v1/responses` is the endpoint). */
  url: string;
  key: string;
  /** Each fake provider's base URL. */
  providers: Record<string, string>;
  gateway: Gateway;
  /** Settles when the scenario's traffic has been sent (at once without `traffic`). */
  trafficDone: Promise<void>;
  /**
   * Drains, then stops everything: no new requests; those in flight get the grace period, then are
   * cancelled (a terminal stream event or a 503, a `cancelled` usage record); the export is complete.
   */
  close(): Promise<void>;
  /** Stops everything at once, dropping requests in flight (a second Ctrl-C). */
  abort(): Promise<void>;
  /** Requests the server is answering now. */
  readonly inFlight: number;
  /** With `exportUsage`: how many records reached the file so far, and what is missing and why. */
  exportOutcome(): UsageExportOutcome | undefined;
}

/** Default grace period of a draining serve (real time). */
export const DEFAULT_GRACE_MS = 10_000;

/** The URLs of fakes served by `gateway-sim fakes` at `base`, laid out as it lays them out. */
function outsideFakes(base: string, scenario: LoadedScenario): { urls: Record<string, string>; close(): Promise<void> } {
  const root = base.replace(/\/+$/, "");
  const urls = Object.fromEntries(scenario.spec.providers.map((p) => [p.id, `${root}/${encodeURIComponent(p.id)}${new URL(p.base_url).pathname.replace(/\/+$/, "")}`]));
  return { urls, close: () => Promise.resolve() };
}

/** The gateway in front of the express fakes, announcing its breakers' changes and the answers its cache refuses. */
function serveGateway(parts: {
  scenario: LoadedScenario;
  seed: string;
  clock: Clock;
  presets: PresetStore;
  fakes: { urls: Record<string, string> };
  exportSink: JsonLinesSink | undefined;
  log: (line: string) => void;
  fleetStart: number;
}): Gateway {
  const { scenario, clock, log, exportSink } = parts;
  const apiKeys = new Map(scenario.spec.providers.flatMap((p) => (p.api_key ? [[p.id, p.api_key] as const] : [])));
  const since = sinceStart(parts.fleetStart);
  // Called as each request ends, so the clock's now is when the gateway saw the new state.
  const watch = breakerWatch((provider, state) => log(`[${since(clock.now())}] ${provider} breaker ${state} (gateway)`));
  return createGateway({
    fetch: createKeepAliveFetch(),
    clock,
    random: createRandomFactory(parts.seed),
    catalog: pointCatalog(scenario.catalog, parts.fakes.urls),
    presets: parts.presets,
    settings: scenario.spec.settings,
    usage: createMemoryUsageLog({ maxRecords: SERVE_RETAINED_RECORDS, onRecord: exportSink }),
    providerKey: (provider) => apiKeys.get(provider) ?? "gateway-sim-upstream-key",
    onEvent: (event) => {
      if (event.type === "request:end") watch(event.record);
      else if (event.type === "cache:not-stored") log(formatCacheNotStored(event, since));
    },
  });
}

/**
 * @example
 * const served = await startServe({ scenario, port: 0, speed: 10, log: console.log });
 * await new OpenAI({ apiKey: served.key, baseURL: `${served.url}/v1` }).responses.create({ model, input });
 * await served.close();
 */
export async function startServe(options: ServeOptions): Promise<ServeHandle> {
  const { scenario, log } = options;
  const seed = options.seed ?? scenario.spec.seed;
  const speed = options.speed ?? 1;
  const clock = stoppableClock(new RealClock({ speed }));
  const fleet = createFakeFleet({ seed, clock, profiles: scenario.spec.providers, journal: { maxEntries: 0 } });
  const fakes = options.fakesUrl === undefined ? await startExpressFakes(fleet) : outsideFakes(options.fakesUrl, scenario);
  const warn = options.warn ?? log;
  const exported: UsageExport | undefined =
    options.exportUsage === undefined
      ? undefined
      : await openUsageExport(options.exportUsage, { maxBufferedBytes: options.exportBufferBytes, warn, now: () => clock.now(), since: sinceStart(fleet.startTime) }).catch(async (error: unknown) => {
          await fakes.close();
          throw error;
        });
  const exportSink = exported?.sink;
  const presets = createSwappablePresetStore(scenario.presets);
  const journal = createUsageJournal(SERVE_RETAINED_RECORDS);
  const gateway = journalingGateway(serveGateway({ scenario, seed, clock, presets, fakes, exportSink, log, fleetStart: fleet.startTime }), journal);
  const key = options.apiKey ?? SEED_API_KEY;
  // The served run starts once the gateway listens: the timeline, the traffic and the live page's
  // offsets count from then (the fleet's own profile phases, from its creation a moment earlier).
  const run = { origin: 0 };
  const live = { scenario, seed, speed, journal, clock, retained: SERVE_RETAINED_RECORDS, runStart: () => run.origin, exportState: exported?.live };
  const inFlight = createInFlightTracker();
  const app = createServeApp({ gateway, key, anyKey: options.apiKey === undefined, live, inFlight });
  const server = await startServer(app, { port: options.port ?? DEFAULT_SERVE_PORT, host: "127.0.0.1" }).catch(async (error: unknown) => {
    await fakes.close();
    await exportSink?.close();
    throw error;
  });
  run.origin = clock.now();
  if (options.fakesUrl === undefined) scheduleTimeline(scenario, { clock, fleet: announcingFleet(fleet, clock, (c) => log(formatStateChange(c))), presets });
  const trafficDone = options.traffic ? playServedTraffic({ scenario, seed, gateway, clock, startMs: run.origin, log, onSend: (r) => journal.expectName(r.body, r.name) }) : Promise.resolve();
  let closing: Promise<void> | undefined;
  let stopping: Promise<void> | undefined;
  // Once, whether reached after a drain or at once (abort): closing the connections also ends a drain's waits.
  const stopAll = (): Promise<void> =>
    (stopping ??= (async () => {
      clock.stop();
      await trafficDone;
      await server.close();
      await fakes.close();
      // Settles on a stream error too (reported once by the sink's onError), and at once after abort()'s destroy.
      await exportSink?.close();
    })());
  return {
    url: server.url,
    key,
    providers: { ...fakes.urls },
    gateway,
    trafficDone,
    get inFlight() {
      return inFlight.size;
    },
    exportOutcome: () => exported?.outcome(),
    close: () =>
      (closing ??= (async () => {
        // Every request that got a generation id ends (finished or cancelled) before the clock stops,
        // so its record reaches the export.
        const drained = await inFlight.drain({ graceMs: options.graceMs ?? DEFAULT_GRACE_MS, stopAccepting: () => server.stopAccepting() });
        if (drained.cancelled > 0) log(`cancelled ${drained.cancelled} of ${drained.inFlight} requests still in flight when the grace period ended`);
        await stopAll();
      })()),
    abort: () => {
      // A reader that never reads would hold close() forever; at once means the export stops too.
      exportSink?.destroy();
      return stopAll();
    },
  };
}
