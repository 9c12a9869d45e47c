// Starts the HTTP bench's servers as child processes on loopback and stops them: the in-repo
// targets (target-process.ts) and, when installed, the Portkey gateway.
import { type ChildProcess, spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import net from "node:net";
import { fileURLToPath } from "node:url";

export interface Child {
  url: string;
  /** CPU time (user + system) the process has used so far, in ms; NaN where /proc is missing. */
  cpuMs(): number;
  stop(): Promise<void>;
}

/** Linux: utime and stime, in clock ticks (100 per second), from /proc/<pid>/stat. */
function cpuReader(pid: number | undefined): () => number {
  return () => {
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return (Number(fields[11]) + Number(fields[12])) * 10;
    } catch {
      return Number.NaN;
    }
  };
}

const STARTUP_MS = 30_000;
/** The targets run the built JavaScript of src/, as `npm run bench` does (bench/built-js.mjs). */
const BUILT_JS = new URL("../built-js.mjs", import.meta.url).href;

function waitForLine(child: ChildProcess, pattern: RegExp, what: string): Promise<string> {
  return new Promise((resolve, reject) => {
    let seen = "";
    const timer = setTimeout(() => reject(new Error(`${what} did not start within ${STARTUP_MS} ms: ${seen.slice(-300)}`)), STARTUP_MS);
    const onData = (chunk: Buffer): void => {
      seen += chunk.toString();
      const match = pattern.exec(seen);
      if (!match) return;
      clearTimeout(timer);
      child.stdout?.off("data", onData);
      child.stdout?.resume();
      resolve(match[1] ?? "");
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (c: Buffer) => (seen += c.toString()));
    child.once("exit", (code) => reject(new Error(`${what} exited with ${code}: ${seen.slice(-300)}`)));
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  return () =>
    new Promise((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once("exit", () => resolve());
      child.stdin?.end();
      // Portkey ignores stdin; a target that is slow to close gets the signal too.
      setTimeout(() => child.kill("SIGTERM"), 2_000).unref();
    });
}

/**
 * @example
 * const upstream = await startTarget("upstream");
 * const gateway = await startTarget("gateway", upstream.url);
 */
export type TargetKind = "upstream" | "floor" | "floor-undici" | "gateway" | "pass-through" | "pass-through+pipeline" | "pass-through+arithmetic" | "pass-through+allocation";

export async function startTarget(kind: TargetKind, upstream = ""): Promise<Child> {
  const entry = fileURLToPath(new URL("./target-process.ts", import.meta.url));
  // BENCH_HTTP_CPU_PROF=<dir>: every in-repo target but the upstream writes a V8 CPU profile there when it stops (read it in Chrome DevTools).
  const profileDir = process.env["BENCH_HTTP_CPU_PROF"];
  // BENCH_HTTP_PERF_PROF=1 instead: the targets write /tmp/perf-<pid>.map, so `perf record -g -p <pid>` names their JavaScript frames.
  const perfMap = process.env["BENCH_HTTP_PERF_PROF"] === "1" ? ["--perf-basic-prof"] : [];
  const profile = kind === "upstream" ? [] : profileDir ? ["--cpu-prof", `--cpu-prof-dir=${profileDir}`] : perfMap;
  const child = spawn(process.execPath, [...profile, "--max-semi-space-size=32", "--import", "tsx", "--import", BUILT_JS, entry, kind, upstream], { stdio: ["pipe", "pipe", "pipe"] });
  const url = await waitForLine(child, /READY (\S+)\n/, `bench target ${kind}`);
  return { url, cpuMs: cpuReader(child.pid), stop: stopper(child) };
}

/** The Portkey gateway's start script, or undefined when the optional devDependency is absent. */
export function portkeyEntry(): string | undefined {
  try {
    return createRequire(import.meta.url).resolve("@portkey-ai/gateway/build/start-server.js");
  } catch {
    return undefined;
  }
}

async function freeLoopbackPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/**
 * @example
 * const portkey = await startPortkey(portkeyEntry()!); // POST /v1/chat/completions with x-portkey-* headers
 */
export async function startPortkey(entry: string): Promise<Child> {
  const port = await freeLoopbackPort();
  const guard = new URL("./loopback-only.mjs", import.meta.url).href;
  const child = spawn(process.execPath, ["--import", guard, entry, `--port=${port}`, "--headless"], { stdio: ["pipe", "pipe", "pipe"] });
  await waitForLine(child, /(Ready for connections)/, "Portkey gateway");
  return { url: `http://127.0.0.1:${port}`, cpuMs: cpuReader(child.pid), stop: stopper(child) };
}
