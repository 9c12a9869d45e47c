// Peak memory of long full-pipeline runs (gateway + fakes on the virtual clock), each N in a fresh
// process so one run's heap does not carry into the next: `npm run bench -- memory`. Flat peaks as
// N grows show that nothing is kept per request (usage log and journal are bounded). Each run is
// pipeline-memory-child.mjs on the built JavaScript, as bin/gateway-sim.js runs it: under tsx the
// TypeScript loader's own thread would add some 55 MB of RSS that no user's run carries.
import { spawn, spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { staleReason } from "../test/support/global-setup.js";
import type { PipelineRun } from "./pipeline-sim.bench.js";
import { fmt, printSection } from "./stats.js";

export const MEMORY_SIZES = [25_000, 50_000, 100_000] as const;

function runInChild(requests: number): Promise<PipelineRun> {
  const child = fileURLToPath(new URL("./pipeline-memory-child.mjs", import.meta.url));
  return new Promise((resolve, reject) => {
    const run = spawn(process.execPath, ["--max-semi-space-size=32", child, String(requests)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    run.stdout.on("data", (c: Buffer) => (out += c.toString()));
    run.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as PipelineRun) : reject(new Error(`memory run of ${requests} exited with ${code}`))));
  });
}

/** dist/ as the source says it should be: the runs measure the built code. */
function ensureBuilt(): void {
  const reason = staleReason();
  if (reason === undefined) return;
  console.log(`(${reason}: building dist/ first)`);
  const build = spawnSync(process.execPath, [fileURLToPath(new URL("../scripts/build.mjs", import.meta.url))], { stdio: "inherit" });
  if (build.status !== 0) throw new Error("npm run build failed");
}

/**
 * @example
 * printMemoryBench(await benchMemory()); // 25k, 50k, 100k requests, each in its own process
 */
export async function benchMemory(): Promise<PipelineRun[]> {
  ensureBuilt();
  const runs: PipelineRun[] = [];
  for (const n of MEMORY_SIZES) runs.push(await runInChild(n));
  return runs;
}

export function printMemoryBench(runs: readonly PipelineRun[]): void {
  printSection(
    "Memory of long runs (direct transport, built JS, each in a fresh process; aim < 300 MB peak RSS, flat)",
    runs.map((run) => ({
      name: `${run.requests.toLocaleString("en-US")} requests`,
      value: `peak RSS ${fmt(run.peakRssMb, 0)} MB, peak heap ${fmt(run.peakHeapMb, 0)} MB`,
      note: `${fmt(run.requests / (run.wallMs / 1000), 0)} simulated req/s, ${run.errors} client errors`,
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printMemoryBench(await benchMemory());
