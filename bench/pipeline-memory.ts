// Peak memory of long full-pipeline runs (gateway + fakes on the virtual clock), each N in a fresh
// process so one run's heap does not carry into the next: `npm run bench -- memory`. Flat peaks as
// N grows show that nothing is kept per request (usage log and journal are bounded).
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { drivePipeline, type PipelineRun } from "./pipeline-sim.bench.js";
import { fmt, printSection } from "./stats.js";

export const MEMORY_SIZES = [25_000, 50_000, 100_000] as const;

function runInChild(requests: number): Promise<PipelineRun> {
  const entry = fileURLToPath(import.meta.url);
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--max-semi-space-size=32", "--import", "tsx", entry, String(requests)], { stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (c: Buffer) => (out += c.toString()));
    child.on("exit", (code) => (code === 0 ? resolve(JSON.parse(out) as PipelineRun) : reject(new Error(`memory run of ${requests} exited with ${code}`))));
  });
}

/**
 * @example
 * printMemoryBench(await benchMemory()); // 25k, 50k, 100k requests, each in its own process
 */
export async function benchMemory(): Promise<PipelineRun[]> {
  const runs: PipelineRun[] = [];
  for (const n of MEMORY_SIZES) runs.push(await runInChild(n));
  return runs;
}

export function printMemoryBench(runs: readonly PipelineRun[]): void {
  printSection(
    "Memory of long runs (direct transport, each in a fresh process; aim < 300 MB peak RSS, flat)",
    runs.map((run) => ({
      name: `${run.requests.toLocaleString("en-US")} requests`,
      value: `peak RSS ${fmt(run.peakRssMb, 0)} MB, peak heap ${fmt(run.peakHeapMb, 0)} MB`,
      note: `${fmt(run.requests / (run.wallMs / 1000), 0)} simulated req/s, ${run.errors} client errors`,
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const requests = Number(process.argv[2]);
  if (Number.isFinite(requests) && requests > 0) process.stdout.write(JSON.stringify(await drivePipeline(requests, "direct")));
  else printMemoryBench(await benchMemory());
}
