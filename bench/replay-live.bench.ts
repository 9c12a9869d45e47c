// Incident replay round trip on live logs: `serve` the 503-burst incident at 10×, 60× and 120× with
// traffic and a usage export (optionally beside CPU-bound burner processes), replay each log, run the
// replayed scenario, and print how many requests select the logged provider and take the logged path.
// Opt-in (`npm run bench -- replay-live [--burners 2]`, or REPLAY_BURNERS=2): it takes about 4 minutes.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { runCli } from "../src/cli/program.js";
import { createMemoryUsageLog } from "../src/gateway/usage/memory-usage-log.js";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import { runScenario } from "../src/scenarios/run/run-scenario.js";
import { type BenchLine, fmt, printSection } from "./stats.js";

const ROOT = fileURLToPath(new URL("../", import.meta.url));
const BIN = join(ROOT, "bin", "gateway-sim.js");
const INCIDENT = "scenarios/incidents/openai-503-burst.yaml";
/** The incident's traffic lasts 20 simulated minutes. */
const INCIDENT_MS = 20 * 60_000;
/** Wall time after the traffic for requests still in flight (a loaded machine answers late). */
const SETTLE_MS = 10_000;

export interface ReplayLiveResult {
  speed: number;
  burners: number;
  records: number;
  sameProvider: number;
  sameAttempts: number;
  firstDivergence: string | undefined;
}

interface LoggedRecord {
  time_ms: number;
  selected_provider: string | null;
  attempts: { provider: string; status: number | null }[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject(new Error("no port"))));
    });
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Serves the incident with traffic for its length at `speed`, then stops it (requests in flight finish). */
async function recordLog(speed: number, file: string): Promise<void> {
  const port = await freePort();
  const serve = spawn(process.execPath, [BIN, "serve", INCIDENT, "--speed", String(speed), "--traffic", "--port", String(port), "--export-usage", file, "--grace", "60s"], {
    cwd: ROOT,
    stdio: ["ignore", "ignore", "pipe"],
  });
  let stderr = "";
  serve.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => serve.once("exit", resolve));
  await sleep(INCIDENT_MS / speed + SETTLE_MS);
  serve.kill("SIGINT");
  const code = await exited;
  if (code !== 0) throw new Error(`serve at ${speed}× exited with ${code}: ${stderr.slice(0, 500)}`);
}

const pathOf = (r: LoggedRecord): string => r.attempts.map((a) => `${a.provider}:${a.status ?? "-"}`).join(" → ");

/** Replays `file` and runs the result: the shares of requests that select the logged provider and take the logged path. */
async function replayAndCompare(file: string, dir: string): Promise<Omit<ReplayLiveResult, "speed" | "burners">> {
  const out = join(dir, "replayed.yaml");
  const quiet = { write: () => undefined };
  const code = await runCli(["replay", file, "-o", out, "--seed", "503"], { stdout: quiet, stderr: quiet, cwd: ROOT, env: {} });
  if (code !== 0) throw new Error(`replay ${file} exited with ${code}`);
  const loaded = loadScenario(out);
  if (!loaded.ok) throw new Error(`the replayed scenario does not load: ${loaded.issues[0]?.message}`);
  const usage = createMemoryUsageLog();
  await runScenario(loaded.scenario, { usage, snapshots: "none" });
  const replayed = [...usage.list()].sort((a, b) => a.time_ms - b.time_ms);
  const logged = readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line) as LoggedRecord)
    .sort((a, b) => a.time_ms - b.time_ms);
  const start = logged[0]?.time_ms ?? 0;
  let sameProvider = 0;
  let sameAttempts = 0;
  let firstDivergence: string | undefined;
  logged.forEach((r, i) => {
    const x = replayed[i];
    if (x?.selected_provider === r.selected_provider) sameProvider++;
    if (x && pathOf(x) === pathOf(r)) sameAttempts++;
    else firstDivergence ??= `#${i} at ${fmt((r.time_ms - start) / 1000, 2)} s: logged ${pathOf(r)}, replayed ${x ? pathOf(x) : "nothing"}`;
  });
  return { records: logged.length, sameProvider, sameAttempts, firstDivergence };
}

/** CPU-bound processes beside the serve run, as a busy machine has. */
function startBurners(n: number): ChildProcess[] {
  return Array.from({ length: n }, () => spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" }));
}

/**
 * @example
 * printReplayLiveBench(await benchReplayLive({ speeds: [60, 120], burners: 2 }));
 */
export async function benchReplayLive(options: { speeds?: readonly number[]; burners?: number } = {}): Promise<ReplayLiveResult[]> {
  if (!existsSync(join(ROOT, "dist", ".build-stamp"))) throw new Error("replay-live runs the built CLI: run `npm run build` first");
  const speeds = options.speeds ?? [10, 60, 120];
  const burners = options.burners ?? 0;
  const dir = mkdtempSync(join(tmpdir(), "replay-live-"));
  const results: ReplayLiveResult[] = [];
  try {
    for (const speed of speeds) {
      const file = join(dir, `usage-${speed}x.jsonl`);
      const running = startBurners(burners);
      try {
        await recordLog(speed, file);
      } finally {
        for (const burner of running) burner.kill();
      }
      results.push({ speed, burners, ...(await replayAndCompare(file, dir)) });
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return results;
}

export function printReplayLiveBench(results: readonly ReplayLiveResult[]): void {
  const share = (n: number, of: number) => `${n}/${of} (${fmt((100 * n) / Math.max(1, of))} %)`;
  const lines: BenchLine[] = results.flatMap((r) => [
    { name: `${r.speed}× ${r.burners > 0 ? `beside ${r.burners} burners` : "quiet"}: same provider`, value: share(r.sameProvider, r.records) },
    { name: `${r.speed}× ${r.burners > 0 ? `beside ${r.burners} burners` : "quiet"}: same attempt sequence`, value: share(r.sameAttempts, r.records), note: r.firstDivergence },
  ]);
  printSection("Incident replay round trip on live serve logs (openai-503-burst)", lines);
}
