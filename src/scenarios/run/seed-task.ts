// The messages between the suite runner and its worker threads: one task per (scenario file, seed
// index), answered with the seed's run (plain data, structured-cloned) or the error that stopped it.
import type { Transport } from "../schema/scenario.js";
import type { SeedRun } from "./run-scenario.js";

/** The run options a worker needs; everything else (snapshots, reporting) stays with the runner. */
export interface SeedTaskOptions {
  seed?: string | undefined;
  runs?: number | undefined;
  only?: string | undefined;
  transport?: Transport | undefined;
  requests?: boolean | undefined;
}

export interface SeedTask {
  id: number;
  file: string;
  index: number;
  options: SeedTaskOptions;
}

export type SeedMessage = { type: "progress"; id: number; done: number; expected: number } | { type: "done"; id: number; seed: SeedRun } | { type: "failed"; id: number; message: string };

/** How an exception reads in a report, the same in a worker as in-process. */
export function errorMessage(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}
