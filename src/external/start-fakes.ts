// `gateway-sim fakes`: only a scenario's fake providers, on one local port, for a gateway that is
// not gateway-sim's (Portkey, LiteLLM, a deployment). The timeline runs in real time × speed from
// the first request (or from start()); the journal and a reset are served on the same port.
import { RealClock } from "../core/clock.js";
import type { JournalEntry } from "../fakes/journal/entry.js";
import type { LoadedScenario } from "../scenarios/load/loaded-scenario.js";
import { startServer } from "../server/start-server.js";
import { CONTROL_PATH, createFakesApp } from "./fakes-app.js";
import { type FakesRun, startFakesRun } from "./fakes-run.js";
import { createJournalLog } from "./journal-log.js";

/** Journal entries the server keeps for GET /_gateway-sim/journal. */
export const FAKES_RETAINED_ENTRIES = 10_000;

export interface FakesOptions {
  scenario: LoadedScenario;
  /** 0 picks a free port. Binds 127.0.0.1. */
  port?: number | undefined;
  speed?: number | undefined;
  seed?: string | undefined;
  log: (line: string) => void;
  /** Sees every journal entry as its call ends (run --gateway attributes them in-process). */
  onEntry?: ((entry: JournalEntry, run: number) => void) | undefined;
}

export interface FakesHandle {
  /** http://127.0.0.1:<port> */
  url: string;
  /** Provider id → base URL, e.g. openai → http://127.0.0.1:4000/openai/v1. */
  urls: Record<string, string>;
  /** The control base URL (`…/_gateway-sim`). */
  control: string;
  /** Starts a run now unless one is running; returns it. */
  start(): FakesRun;
  /** The current run, if started. */
  current(): FakesRun | undefined;
  close(): Promise<void>;
}

/** Each provider's base path: its real base URL's path, without a trailing slash. */
function basePathsOf(scenario: LoadedScenario): Map<string, string> {
  return new Map(scenario.spec.providers.map((p) => [p.id, new URL(p.base_url).pathname.replace(/\/+$/, "")]));
}

/**
 * @example
 * const fakes = await startFakes({ scenario, port: 0, speed: 20, log: console.log });
 * fakes.urls.openai; // http://127.0.0.1:41234/openai/v1
 * await fakes.close();
 */
export async function startFakes(options: FakesOptions): Promise<FakesHandle> {
  const { scenario, log } = options;
  const seed = options.seed ?? scenario.spec.seed;
  const base = new RealClock({ speed: options.speed ?? 1 });
  const journal = createJournalLog(FAKES_RETAINED_ENTRIES);
  const basePaths = basePathsOf(scenario);
  let run: FakesRun | undefined;
  let runs = 0;
  const start = (): FakesRun => {
    if (run) return run;
    const number = ++runs;
    run = startFakesRun({
      scenario,
      seed,
      base,
      number,
      log,
      onEntry: (entry) => {
        journal.add(number, entry);
        options.onEntry?.(entry, number);
      },
    });
    log(`run ${number} started: the timeline counts from now`);
    return run;
  };
  const urls: Record<string, string> = {};
  const app = createFakesApp({
    basePaths,
    journal,
    urls: () => ({ ...urls }),
    dispatch: (provider, request, relative) => start().fleet.dispatchTo(provider, request, relative),
    reset: () => {
      run?.stop();
      run = undefined;
      journal.clear();
      return runs + 1;
    },
    status: () => (run ? { run: run.number, elapsed_ms: run.clock.now() - run.origin } : null),
  });
  const server = await startServer(app, { port: options.port ?? 0, host: "127.0.0.1" });
  for (const [id, path] of basePaths) urls[id] = `${server.url}/${encodeURIComponent(id)}${path}`;
  return {
    url: server.url,
    urls,
    control: `${server.url}${CONTROL_PATH}`,
    start,
    current: () => run,
    close: async () => {
      run?.stop();
      await server.close();
    },
  };
}

/**
 * `GATEWAY_SIM_<PROVIDER>_URL` for each fake: the id upper-cased, every other character `_`.
 *
 * @example
 * fakeUrlEnv({ "openai-eu": "http://127.0.0.1:4000/openai-eu/v1" }); // { GATEWAY_SIM_OPENAI_EU_URL: "http://…" }
 */
export function fakeUrlEnv(urls: Readonly<Record<string, string>>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [id, url] of Object.entries(urls)) env[`GATEWAY_SIM_${id.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_URL`] = url;
  return env;
}
