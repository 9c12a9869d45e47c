// `npm run bench -- gateway --compare <git-rev>`: the in-process gateway bench of another revision and of
// this worktree, alternated in one run on the same machine, so the overhead ratio is read from one output.
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { GatewayBenchResult } from "./gateway.bench.js";
import { fmt, median, printSection } from "./stats.js";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
/** Sends each side's imports of src/ to its dist/ (the base revision's own, built by checkout()). */
const BUILT_JS = pathToFileURL(path.join(HERE, "built-js.mjs")).href;

/** A tree of `rev` under the temp directory (git archive: no worktree metadata in the shared repo), node_modules linked. */
function checkout(rev: string): string {
  const commit = execFileSync("git", ["rev-parse", "--verify", `${rev}^{commit}`], { cwd: ROOT, encoding: "utf8" }).trim();
  const dir = path.join(os.tmpdir(), `gateway-sim-bench-${commit.slice(0, 12)}`);
  if (!existsSync(path.join(dir, "bench", "gateway.bench.ts"))) {
    mkdirSync(dir, { recursive: true });
    const archive = execFileSync("git", ["archive", "--format=tar", commit], { cwd: ROOT, maxBuffer: 1 << 30 });
    execFileSync("tar", ["-x", "-C", dir], { input: archive });
  }
  if (!existsSync(path.join(dir, "node_modules"))) symlinkSync(path.join(ROOT, "node_modules"), path.join(dir, "node_modules"));
  // Both sides run their built JavaScript (bench/built-js.mjs): build that revision once.
  if (!existsSync(path.join(dir, "dist", ".build-stamp"))) {
    const build = spawnSync(process.execPath, [path.join(dir, "scripts", "build.mjs")], { cwd: dir, stdio: "inherit" });
    if (build.status !== 0) throw new Error(`building ${rev} failed`);
  }
  return dir;
}

/** A bench module of the checkout at `root` run in a fresh Node process (same flags as `npm run bench`); its last stdout line is JSON. */
function runIn<T>(root: string, script: (bench: (file: string) => string) => string): T {
  // The runner lives in the temp directory (nothing untracked in the worktree) and imports that checkout's bench.
  const runner = path.join(os.tmpdir(), `gateway-sim-bench-runner-${process.pid}.mts`);
  const bench = (file: string): string => JSON.stringify(pathToFileURL(path.join(root, "bench", file)).href);
  writeFileSync(runner, script(bench));
  const child = spawnSync(process.execPath, ["--max-semi-space-size=32", "--import", "tsx", "--import", BUILT_JS, runner], { cwd: root, encoding: "utf8" });
  rmSync(runner, { force: true });
  if (child.status !== 0) throw new Error(`bench in ${root} failed (exit ${child.status}):\n${child.stderr}`);
  const last = child.stdout.trim().split("\n").at(-1) ?? "";
  return JSON.parse(last) as T;
}

const gatewayIn = (root: string): GatewayBenchResult => runIn(root, (bench) => `import { benchGateway } from ${bench("gateway.bench.ts")};\nconsole.log(JSON.stringify(await benchGateway()));\n`);

/** The full simulation's direct figure: a warm-up, then one 20,000-request run (simulated requests per wall-second). */
const pipelineIn = (root: string): { perSecond: number } =>
  runIn(
    root,
    (bench) =>
      `import { drivePipeline } from ${bench("pipeline-sim.bench.ts")};\nawait drivePipeline(2_000, "direct");\nconst run = await drivePipeline(20_000, "direct");\nconsole.log(JSON.stringify({ perSecond: run.requests / (run.wallMs / 1000) }));\n`,
  );

/**
 * Alternates `rounds` runs of the base revision and of this worktree; prints each round and the medians.
 *
 * @example
 * await compareGateway("6e0e315", 3);
 */
export async function compareGateway(rev: string, rounds: number): Promise<void> {
  const baseDir = checkout(rev);
  const base: GatewayBenchResult[] = [];
  const current: GatewayBenchResult[] = [];
  for (let round = 1; round <= rounds; round++) {
    base.push(gatewayIn(baseDir));
    current.push(gatewayIn(ROOT));
    const b = base.at(-1) as GatewayBenchResult;
    const c = current.at(-1) as GatewayBenchResult;
    console.log(
      `round ${round}: ${rev} respond ${fmt(b.pipelineMedianUs)} direct ${fmt(b.directMedianUs)} overhead ${fmt(b.overheadUs)} µs | worktree respond ${fmt(c.pipelineMedianUs)} direct ${fmt(c.directMedianUs)} overhead ${fmt(c.overheadUs)} µs`,
    );
  }
  const pick = (runs: GatewayBenchResult[], key: keyof GatewayBenchResult): number => median(runs.map((run) => run[key]));
  const line = (name: string, key: keyof GatewayBenchResult) => ({
    name,
    value: `${fmt(pick(base, key))} → ${fmt(pick(current, key))} µs`,
    note: `${fmt((pick(current, key) / pick(base, key) - 1) * 100)} %`,
  });
  printSection(`Gateway pipeline, ${rev} → worktree (median over ${rounds} alternated round(s))`, [
    line("gateway.respond() median", "pipelineMedianUs"),
    line("direct adapter call median", "directMedianUs"),
    line("pipeline overhead", "overheadUs"),
    line("response-cache hit median", "cacheHitMedianUs"),
  ]);
}

/**
 * `npm run bench -- pipeline --compare <rev>`: the full simulation (direct transport, 20,000 requests)
 * of that revision and of this worktree, alternated, each run in a fresh process.
 *
 * @example
 * await comparePipeline("main", 3);
 */
export async function comparePipeline(rev: string, rounds: number): Promise<void> {
  const baseDir = checkout(rev);
  const base: number[] = [];
  const current: number[] = [];
  for (let round = 1; round <= rounds; round++) {
    base.push(pipelineIn(baseDir).perSecond);
    current.push(pipelineIn(ROOT).perSecond);
    console.log(`round ${round}: ${rev} ${fmt(base.at(-1) as number, 0)} | worktree ${fmt(current.at(-1) as number, 0)} simulated req/s`);
  }
  printSection(`Full simulation, direct, 20,000 requests, ${rev} → worktree (median over ${rounds} alternated round(s))`, [
    { name: "simulated requests per second", value: `${fmt(median(base), 0)} → ${fmt(median(current), 0)}`, note: `${fmt((median(current) / median(base) - 1) * 100)} %` },
  ]);
}
