// Over real HTTP on loopback, under autocannon: gateway-sim's POST /v1/responses (JSON and SSE)
// against the floor (a minimal node:http keep-alive proxy, bench/http/floor-proxy.ts) and, when
// installed, the Portkey gateway, all calling the same instant upstream, response cache off. Each
// server runs in its own process; autocannon runs here. Bounded: about 12 s per target and mode.
import { BENCH_KEY } from "./http/gateway-target.js";
import { type Call, sequentialMedianUs, throughput, type Throughput } from "./http/load.js";
import { type Child, portkeyEntry, startPortkey, startTarget } from "./http/processes.js";
import { fmt, printSection } from "./stats.js";

const SECONDS = Number(process.env["BENCH_HTTP_SECONDS"] ?? 4);
const LATENCY_REQUESTS = 2_000;
const INPUT = "Extract the action items.";

export type TargetName = "floor" | "gateway-sim" | "portkey";
export type Mode = "json" | "sse";

export interface TargetFigures {
  one: Throughput;
  many: Throughput;
  /** Sequential requests on one keep-alive connection, median µs. */
  medianUs: number;
  /** The target process's CPU time per request at 64 connections: unlike req/s, barely moved by other load on the machine. */
  cpuUsPerRequest: number;
}

export type HttpBenchResult = Record<Mode, Partial<Record<TargetName, TargetFigures>>>;

/**
 * Portkey 1.15.2 streams fail on Node 20 (500 "Something went wrong"; its log: `TypeError: immutable`
 * appending to the fetched upstream Response's headers), so it is measured on JSON only.
 */
const MODES: Record<TargetName, readonly Mode[]> = { floor: ["json", "sse"], "gateway-sim": ["json", "sse"], portkey: ["json"] };

function callFor(target: TargetName, url: string, upstream: string, stream: boolean): Call {
  const headers: Record<string, string> = { authorization: `Bearer ${BENCH_KEY}`, "content-type": "application/json" };
  if (target === "gateway-sim") {
    const body = { model: "openai/gpt-5.4-nano", input: INPUT, provider: { only: ["openai", "openai-eu"], sort: "price" }, response_caching: { enabled: false }, ...(stream ? { stream } : {}) };
    return { url: `${url}/v1/responses`, headers, body: JSON.stringify(body) };
  }
  if (target === "floor") return { url: `${url}/v1/responses`, headers, body: JSON.stringify({ model: "gpt-5.4-nano", input: INPUT, stream }) };
  const portkey = { ...headers, "x-portkey-provider": "openai", "x-portkey-custom-host": `${upstream}/v1` };
  return { url: `${url}/v1/chat/completions`, headers: portkey, body: JSON.stringify({ model: "gpt-5.4-nano", messages: [{ role: "user", content: INPUT }], stream }) };
}

async function measureTarget(target: TargetName, child: Child, upstream: string, mode: Mode): Promise<TargetFigures> {
  const call = callFor(target, child.url, upstream, mode === "sse");
  const medianUs = await sequentialMedianUs(call, LATENCY_REQUESTS);
  await throughput(call, 64, 1); // warm-up at full load
  const one = await throughput(call, 1, SECONDS);
  const cpuBefore = child.cpuMs();
  const many = await throughput(call, 64, SECONDS);
  return { one, many, medianUs, cpuUsPerRequest: ((child.cpuMs() - cpuBefore) * 1000) / many.total };
}

/**
 * @example
 * printHttpBench(await benchHttp());
 */
export async function benchHttp(): Promise<HttpBenchResult> {
  const result: HttpBenchResult = { json: {}, sse: {} };
  const upstream = await startTarget("upstream");
  const portkey = portkeyEntry();
  const targets: [TargetName, () => Promise<Child>][] = [
    ["floor", () => startTarget("floor", upstream.url)],
    ["gateway-sim", () => startTarget("gateway", upstream.url)],
    ...(portkey ? [["portkey", () => startPortkey(portkey)] as [TargetName, () => Promise<Child>]] : []),
  ];
  try {
    for (const [name, start] of targets) {
      const child = await start();
      try {
        for (const mode of MODES[name]) result[mode][name] = await measureTarget(name, child, upstream.url, mode);
      } finally {
        await child.stop();
      }
    }
  } finally {
    await upstream.stop();
  }
  return result;
}

const rate = (t: Throughput): string => `${fmt(t.perSecond, 0)} req/s${t.non2xx + t.errors > 0 ? ` (${t.non2xx} non-2xx, ${t.errors} errors)` : ""}`;

export function printHttpBench(result: HttpBenchResult): void {
  for (const mode of ["json", "sse"] as const) {
    const figures = result[mode];
    const floor = figures.floor;
    const lines = Object.entries(figures).map(([name, f]) => ({
      name,
      value: `1 conn ${rate(f.one)}, median ${fmt(f.medianUs, 0)} µs · 64 conns ${rate(f.many)}, ${fmt(f.cpuUsPerRequest, 0)} µs CPU/request`,
      note:
        floor && name !== "floor"
          ? `× floor: ${fmt(f.many.perSecond / floor.many.perSecond, 2)} at 64, ${fmt(f.one.perSecond / floor.one.perSecond, 2)} at 1; adds ${fmt(f.medianUs - floor.medianUs, 0)} µs median at 1; floor CPU/request ÷ this ${fmt(floor.cpuUsPerRequest / f.cpuUsPerRequest, 2)}`
          : "the floor",
    }));
    printSection(`HTTP ${mode === "json" ? "JSON" : "SSE"} under autocannon (${SECONDS} s per figure, loopback, instant upstream, cache off)`, lines);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printHttpBench(await benchHttp());
