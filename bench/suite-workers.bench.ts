// The example suite (scenarios/) copied 4 times, run by the CLI as users run it, with --workers 1
// (in-process) and --workers 2: wall time and the speed-up, and a check that both reports agree.
import { spawn } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fmt, printSection } from "./stats.js";

const COPIES = 4;
const WORKERS = [1, 2] as const;

export interface SuiteWorkersResult {
  scenarios: number;
  requests: number;
  wallMs: Record<(typeof WORKERS)[number], number>;
  identical: boolean;
}

function runCli(args: string[]): Promise<number> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const child = spawn(process.execPath, ["bin/gateway-sim.js", ...args], { stdio: ["ignore", "ignore", "inherit"] });
    child.on("exit", (code) => (code === 0 ? resolve(performance.now() - started) : reject(new Error(`gateway-sim ${args.join(" ")} exited with ${code}`))));
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
    const wallMs = { 1: 0, 2: 0 };
    for (const workers of WORKERS) {
      wallMs[workers] = await runCli(["run", ...roots, "--ci", "--no-progress", "--no-timing", "--workers", String(workers), "--reporter", "json", "--output", join(dir, `w${workers}.json`)]);
    }
    const one = readFileSync(join(dir, "w1.json"), "utf8");
    const summary = (JSON.parse(one) as { summary: { scenarios: number; requests: number } }).summary;
    return { scenarios: summary.scenarios, requests: summary.requests, wallMs, identical: one === readFileSync(join(dir, "w2.json"), "utf8") };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function printSuiteWorkersBench(result: SuiteWorkersResult): void {
  printSection(`Example suite ×${COPIES} (${result.scenarios} scenarios, ${result.requests.toLocaleString("en-US")} requests) through the CLI`, [
    { name: "--workers 1 (in-process)", value: `${fmt(result.wallMs[1] / 1000)} s wall` },
    {
      name: "--workers 2",
      value: `${fmt(result.wallMs[2] / 1000)} s wall`,
      note: `speed-up ${fmt(result.wallMs[1] / result.wallMs[2], 2)}×; JSON reports ${result.identical ? "byte-identical" : "DIFFER"}`,
    },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) printSuiteWorkersBench(await benchSuiteWorkers());
