// Where gateway-sim's HTTP CPU goes, at 64 connections: the HTTP layer alone (a pass-through gateway),
// the layer plus the real pipeline run in-process against an in-memory upstream, and gateway-sim
// itself; then the same pipeline alone, 64 in flight, with no sockets. The layer's distance from the
// second target is what the pipeline costs inside a server; set against the pipeline alone, it shows
// how much dearer the same work is when it shares the process with 64 connections' HTTP; the pipeline
// alone with its caches made cold between requests shows how much of that is cache misses. Two
// controls show what plain work costs there: the layer plus pure arithmetic of about the pipeline's
// CPU alone (touches no memory), and the layer plus about the pipeline's allocation and nothing else.
// Opt-in (`npm run bench -- http-split`): about 2 minutes.
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { BENCH_KEY, gatewayBenchBody } from "./http/gateway-target.js";
import { type Call, throughput } from "./http/load.js";
import { type Child, startTarget, type TargetKind } from "./http/processes.js";
import { fmt, median, printSection } from "./stats.js";

const SECONDS = Number(process.env["BENCH_HTTP_SECONDS"] ?? 3);
const WARM_SECONDS = Number(process.env["BENCH_HTTP_WARM_SECONDS"] ?? 5);
const ROUNDS = Number(process.env["BENCH_HTTP_ROUNDS"] ?? 3);
const INPUT = "Extract the action items.";
const TARGETS = [
  ["layer", "pass-through"],
  ["layer + pipeline", "pass-through+pipeline"],
  ["layer + arithmetic", "pass-through+arithmetic"],
  ["layer + allocation", "pass-through+allocation"],
  ["gateway-sim", "gateway"],
] as const satisfies readonly (readonly [string, TargetKind])[];

type Mode = "json" | "sse";
/** The in-process figures of bench/http/pipeline-alone.ts, µs per request. */
type Alone = { json: number; jsonCold: number; sse: number; sseCold: number; arithmetic: number; allocation: number };
export type HttpSplitResult = Record<Mode, { server: Record<string, number>; failures: number; alone: number; aloneCold: number; arithmeticAlone: number; allocationAlone: number }>;

function callFor(kind: TargetKind, url: string, stream: boolean): Call {
  const headers = { authorization: `Bearer ${BENCH_KEY}`, "content-type": "application/json" };
  const body = kind === "gateway" ? gatewayBenchBody(INPUT, stream) : { model: "gpt-5.4-nano", input: INPUT, stream };
  return { url: `${url}/v1/responses`, headers, body: JSON.stringify(body) };
}

function pipelineAlone(): Alone {
  const entry = fileURLToPath(new URL("./http/pipeline-alone.ts", import.meta.url));
  const builtJs = new URL("./built-js.mjs", import.meta.url).href;
  const run = spawnSync(process.execPath, ["--max-semi-space-size=32", "--import", "tsx", "--import", builtJs, entry], { encoding: "utf8" });
  if (run.status !== 0) throw new Error(`bench/http/pipeline-alone.ts failed: ${run.stderr.slice(-500)}`);
  return JSON.parse(run.stdout) as Alone;
}

/**
 * @example
 * printHttpSplit(await benchHttpSplit());
 */
export async function benchHttpSplit(): Promise<HttpSplitResult> {
  const upstream = await startTarget("upstream");
  const children = new Map<string, { kind: TargetKind; child: Child }>();
  const result = {} as HttpSplitResult;
  try {
    for (const [name, kind] of TARGETS) children.set(name, { kind, child: await startTarget(kind, upstream.url) });
    for (const mode of ["json", "sse"] as const) {
      const perRequest = new Map<string, number[]>();
      let failures = 0;
      for (const { kind, child } of children.values()) await throughput(callFor(kind, child.url, mode === "sse"), 64, WARM_SECONDS);
      for (let round = 0; round < ROUNDS; round++) {
        for (const [name, { kind, child }] of children) {
          const before = child.cpuMs();
          const run = await throughput(callFor(kind, child.url, mode === "sse"), 64, SECONDS);
          failures += run.non2xx + run.errors;
          perRequest.set(name, [...(perRequest.get(name) ?? []), ((child.cpuMs() - before) * 1000) / run.total]);
        }
      }
      result[mode] = { server: Object.fromEntries([...perRequest].map(([name, values]) => [name, median(values)])), failures, alone: 0, aloneCold: 0, arithmeticAlone: 0, allocationAlone: 0 };
    }
  } finally {
    for (const { child } of children.values()) await child.stop();
    await upstream.stop();
  }
  const alone = pipelineAlone();
  for (const mode of ["json", "sse"] as const) {
    result[mode].alone = alone[mode];
    result[mode].aloneCold = alone[`${mode}Cold`];
    result[mode].arithmeticAlone = alone.arithmetic;
    result[mode].allocationAlone = alone.allocation;
  }
  return result;
}

/** A control's cost in the server over its cost alone; none measured when the layer's own noise hid it. */
function timesAlone(inServer: number, alone: number): string {
  return inServer > 0 ? `${fmt(inServer / alone, 1)} ×` : "no cost measured over the layer's run-to-run noise";
}

export function printHttpSplit(result: HttpSplitResult): void {
  for (const mode of ["json", "sse"] as const) {
    const { server, failures, alone, aloneCold, arithmeticAlone, allocationAlone } = result[mode];
    const layer = server["layer"] ?? Number.NaN;
    const withPipeline = server["layer + pipeline"] ?? Number.NaN;
    const gateway = server["gateway-sim"] ?? Number.NaN;
    const inServer = withPipeline - layer;
    const arithmeticInServer = (server["layer + arithmetic"] ?? Number.NaN) - layer;
    const allocationInServer = (server["layer + allocation"] ?? Number.NaN) - layer;
    printSection(`HTTP ${mode === "json" ? "JSON" : "SSE"}: where the CPU goes at 64 connections (µs of the target's CPU per request, medians of ${ROUNDS} rounds of ${SECONDS} s)`, [
      { name: "HTTP layer alone", value: `${fmt(layer, 0)} µs`, note: "gateway-sim's server and upstream fetch, pass-through gateway" },
      { name: "layer + pipeline", value: `${fmt(withPipeline, 0)} µs`, note: `the pipeline inside the server: ${fmt(inServer, 0)} µs (in-memory upstream, no upstream HTTP of its own)` },
      { name: "gateway-sim", value: `${fmt(gateway, 0)} µs`, note: `${fmt(gateway - layer, 0)} µs over the layer${failures > 0 ? ` · ${failures} non-2xx or errors` : ""}` },
      { name: "pipeline alone", value: `${fmt(alone, 1)} µs`, note: `64 in flight, no sockets: inside the server the same work costs ${fmt(inServer / alone, 1)} ×` },
      {
        name: "pipeline alone, caches cold",
        value: `${fmt(aloneCold, 1)} µs`,
        note: `a 4 MiB sweep between requests: ${fmt(aloneCold / alone, 1)} × warm; the server costs ${fmt(inServer / aloneCold, 1)} × this`,
      },
      {
        name: "control: arithmetic",
        value: `${fmt(arithmeticInServer, 0)} µs in the server`,
        note: `${fmt(arithmeticAlone, 1)} µs alone: ${timesAlone(arithmeticInServer, arithmeticAlone)} (computation touching no memory)`,
      },
      {
        name: "control: allocation",
        value: `${fmt(allocationInServer, 0)} µs in the server`,
        note: `${fmt(allocationAlone, 1)} µs alone: ${timesAlone(allocationInServer, allocationAlone)} (~36 KB of small objects held for the request, nothing else)`,
      },
    ]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printHttpSplit(await benchHttpSplit());
