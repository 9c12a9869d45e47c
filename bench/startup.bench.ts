// Start-up time of the CLI, hyperfine-style: spawn each command N times, report the median, with
// `node -e ""` measured in the same run as the floor (no CLI can start faster than node itself).
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { fmt, median, percentile, printSection } from "./stats.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = fileURLToPath(new URL("../bin/gateway-sim.js", import.meta.url));
const ONE_FILE = "scenarios/only-openai-sort-price.yaml";

export interface StartupCase {
  name: string;
  args: string[];
}

export interface StartupResult {
  name: string;
  medianMs: number;
  p90Ms: number;
  /** The process's own CPU time (user + system): what start-up costs, whatever else the machine runs. */
  cpuMedianMs: number;
}

/**
 * Another checkout's bin to measure in the same run, for before/after figures on a noisy machine
 * (e.g. `git worktree add /tmp/main main`, its node_modules linked to this one's, `node scripts/build.mjs` there).
 */
const BEFORE_BIN = process.env.STARTUP_BEFORE_BIN;

/** The commands measured: the floor first, then the CLI's cheapest and a typical one-file command. */
export const STARTUP_CASES: readonly StartupCase[] = [
  { name: 'node -e ""  (floor)', args: ["-e", ""] },
  { name: "gateway-sim --version", args: [BIN, "--version"] },
  { name: `gateway-sim validate ${ONE_FILE}`, args: [BIN, "validate", ONE_FILE] },
  ...(BEFORE_BIN === undefined
    ? []
    : [
        { name: "before: gateway-sim --version", args: [BEFORE_BIN, "--version"] },
        { name: `before: gateway-sim validate ${ONE_FILE}`, args: [BEFORE_BIN, "validate", ONE_FILE] },
      ]),
];

/** Reports each spawned process's own CPU time on fd 3 (startup-cpu-probe.cjs); every case, the floor too, carries it. */
const CPU_PROBE = fileURLToPath(new URL("./startup-cpu-probe.cjs", import.meta.url));

function timeOnce(args: readonly string[]): { wallMs: number; cpuMs: number } {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, ["--require", CPU_PROBE, ...args], { cwd: ROOT, stdio: ["ignore", "pipe", "pipe", "pipe"] });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${args.join(" ")} exited ${result.status}: ${String(result.stderr)}`);
  const cpuUs = Number(String(result.output[3] ?? ""));
  if (!Number.isFinite(cpuUs) || cpuUs <= 0) throw new Error(`${args.join(" ")} reported no CPU time on fd 3`);
  return { wallMs, cpuMs: cpuUs / 1000 };
}

/** Runs every case `runs` times after `warmup` unmeasured runs, interleaved so noise hits every case alike. */
export function benchStartup(runs = 20, warmup = 2): StartupResult[] {
  const wall = STARTUP_CASES.map(() => [] as number[]);
  const cpu = STARTUP_CASES.map(() => [] as number[]);
  for (let i = 0; i < warmup; i++) for (const c of STARTUP_CASES) timeOnce(c.args);
  for (let i = 0; i < runs; i++) {
    STARTUP_CASES.forEach((c, index) => {
      const sample = timeOnce(c.args);
      wall[index]?.push(sample.wallMs);
      cpu[index]?.push(sample.cpuMs);
    });
  }
  return STARTUP_CASES.map((c, index) => ({
    name: c.name,
    medianMs: median(wall[index] ?? []),
    p90Ms: percentile(wall[index] ?? [], 0.9),
    cpuMedianMs: median(cpu[index] ?? []),
  }));
}

export function printStartupBench(results: readonly StartupResult[], runs = 20): void {
  const floor = results[0]?.medianMs ?? Number.NaN;
  const cpuFloor = results[0]?.cpuMedianMs ?? Number.NaN;
  printSection(
    `CLI start-up (median of ${runs} spawns each, interleaved; wall clock, then the process's CPU time)`,
    results.map((r, index) => ({
      name: r.name,
      value: `${fmt(r.medianMs, 0)} ms median, p90 ${fmt(r.p90Ms, 0)} ms; CPU ${fmt(r.cpuMedianMs, 0)} ms`,
      ...(index > 0 ? { note: `${fmt(r.medianMs / floor, 2)}x the floor's wall, ${fmt(r.cpuMedianMs / cpuFloor, 2)}x its CPU` } : {}),
    })),
  );
}
