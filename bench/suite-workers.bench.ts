// The example suite (scenarios/) copied 4 times, run by the CLI as users run it, with --workers 1
// (in-process) and --workers 2: wall time and the speed-up, and a check that both reports agree.
// BENCH_SUITE_ROUNDS=n alternates the two n times and reports medians (the cores are shared).
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, printSection } from "./stats.js";

const COPIES = 4;
const WORKERS = [1, 2] as const;
const ROUNDS = Math.max(1, Number.parseInt(process.env.BENCH_SUITE_ROUNDS ?? "1", 10) || 1);

export interface SuiteWorkersResult {
  scenarios: number;
  requests: number;
  wallMs: Record<(typeof WORKERS)[number], number>;
  /** CPU time of each run (all its threads), when the platform tells. */
  cpuMs: Record<(typeof WORKERS)[number], number | undefined>;
  /** The 1-minute load average before the runs: the other work sharing the cores. */
  loadAverage: number;
  /** Alternated rounds; wall and CPU times are their medians. */
  rounds: number;
  identical: boolean;
}

/**
 * CPU time of this process's finished children, in ms (Linux: cutime + cstime of /proc/self/stat, in
 * 100 Hz ticks); undefined elsewhere. On a shared machine the wall-clock speed-up depends on who else
 * runs; the CPU time shows what the workers themselves cost.
 */
function childrenCpuMs(): number | undefined {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // Fields 16 and 17 of stat(5); the slice starts at field 3.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function runCli(args: string[]): Promise<{ wallMs: number; cpuMs: number | undefined }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const cpuBefore = childrenCpuMs();
    const child = spawn(process.execPath, ["bin/gateway-sim.js", ...args], { stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => {
      if (code !== 0) return reject(new Error(`gateway-sim ${args.join(" ")} exited with ${code}`));
      const cpuAfter = childrenCpuMs();
      resolve({ wallMs: performance.now() - started, cpuMs: cpuBefore === undefined || cpuAfter === undefined ? undefined : cpuAfter - cpuBefore });
    });
  });
}

/**
 * @example
 * printSuiteWorkersBench(await benchSuiteWorkers());
 */
export async function benchSuiteWorkers(): Promise<SuiteWorkersResult> {
  const dir = mkdtempSync(join(tmpdir(), "gateway-sim-suite-bench-"));
  try {
    // Each copy keeps its scenarios' relative paths (presets_dir: ../../presets) intact.
    const roots = Array.from({ length: COPIES }, (_, k) => {
      const root = join(dir, `copy-${k + 1}`);
      cpSync("scenarios", join(root, "scenarios"), { recursive: true });
      cpSync("presets", join(root, "presets"), { recursive: true });
      return join(root, "scenarios");
    });
    const walls: Record<(typeof WORKERS)[number], number[]> = { 1: [], 2: [] };
    const cpus: Record<(typeof WORKERS)[number], (number | undefined)[]> = { 1: [], 2: [] };
    const loadAverage = loadavg()[0] ?? 0;
    for (let round = 0; round < ROUNDS; round++) {
      for (const workers of WORKERS) {
        const run = await runCli(["run", ...roots, "--ci", "--no-progress", "--no-timing", "--workers", String(workers), "--reporter", "json", "--output", join(dir, `w${workers}.json`)]);
        walls[workers].push(run.wallMs);
        cpus[workers].push(run.cpuMs);
      }
    }
    const wallMs = { 1: median(walls[1]), 2: median(walls[2]) };
    const cpuMs = { 1: medianOrUndefined(cpus[1]), 2: medianOrUndefined(cpus[2]) };
    const one = readFileSync(join(dir, "w1.json"), "utf8");
    const summary = (JSON.parse(one) as { summary: { scenarios: number; requests: number } }).summary;
    return { scenarios: summary.scenarios, requests: summary.requests, wallMs, cpuMs, loadAverage, rounds: ROUNDS, identical: one === readFileSync(join(dir, "w2.json"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function medianOrUndefined(values: readonly (number | undefined)[]): number | undefined {
  return values.some((v) => v === undefined) ? undefined : median(values as number[]);
}

function cpuNote(cpuMs: number | undefined): string {
  return cpuMs === undefined ? "CPU time unknown" : `${fmt(cpuMs / 1000)} s CPU`;
}

export function printSuiteWorkersBench(result: SuiteWorkersResult): void {
  printSection(
    `Example suite ×${COPIES} (${result.scenarios} scenarios, ${result.requests.toLocaleString("en-US")} requests) through the CLI${result.rounds > 1 ? `, medians of ${result.rounds} alternated rounds` : ""}`,
    [
      { name: "--workers 1 (in-process)", value: `${fmt(result.wallMs[1] / 1000)} s wall`, note: cpuNote(result.cpuMs[1]) },
      {
        name: "--workers 2",
        value: `${fmt(result.wallMs[2] / 1000)} s wall`,
        note: `${cpuNote(result.cpuMs[2])}; speed-up ${fmt(result.wallMs[1] / result.wallMs[2], 2)}×; JSON reports ${result.identical ? "byte-identical" : "DIFFER"}; load average before: ${fmt(result.loadAverage)} on ${cpus().length} cores`,
      },
    ],
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printSuiteWorkersBench(await benchSuiteWorkers());
