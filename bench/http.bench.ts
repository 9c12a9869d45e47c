// Over real HTTP on loopback, under autocannon: gateway-sim's POST /v1/responses (JSON and SSE)
// against the floor (a minimal node:http keep-alive proxy, bench/http/floor-proxy.ts), the same floor
// calling upstream with undici's client (a reference: gateway-sim's upstream client is undici's), gateway-sim's
// HTTP layer alone (its server in front of a pass-through gateway: what the pipeline costs is the rest) and, when
// installed, the Portkey gateway, all calling the same instant upstream, response cache off. Each
// server runs in its own process; autocannon runs here. Bounded: about 20 s per target and mode.
import { BENCH_KEY, gatewayBenchBody } from "./http/gateway-target.js";
import { type Call, sequentialMedianUs, throughput, type Throughput } from "./http/load.js";
import { type Child, portkeyEntry, startPortkey, startTarget } from "./http/processes.js";
import { fmt, median, printSection } from "./stats.js";

const SECONDS = Number(process.env["BENCH_HTTP_SECONDS"] ?? 2);
/** Each target serves this long at 64 connections before it is measured: a long-running server is measured warm, not its JIT warming up. */
const WARM_SECONDS = Number(process.env["BENCH_HTTP_WARM_SECONDS"] ?? 5);
/** Rounds per figure; in each the targets are measured one after the other, so a change in the machine's load hits them alike. */
const ROUNDS = Number(process.env["BENCH_HTTP_ROUNDS"] ?? 3);
const LATENCY_REQUESTS = 1_000;
const INPUT = "Extract the action items.";

export type TargetName = "floor" | "floor, undici client" | "gateway-sim" | "http layer only" | "portkey";
export type Mode = "json" | "sse";

export interface TargetFigures {
  /** Medians over the rounds. */
  onePerSecond: number;
  manyPerSecond: number;
  /** Sequential requests on one keep-alive connection, median µs. */
  medianUs: number;
  /** The target process's CPU time per request at 64 connections: unlike req/s, barely moved by other load on the machine. */
  cpuUsPerRequest: number;
  /** Non-2xx answers and errors over every measurement. */
  failures: number;
  /** Per round, against the floor measured in the same round (absent for the floor). */
  versusFloor?: { many: number[]; one: number[]; addedUs: number[] };
  /** gateway-sim's only: per round at 64 connections, against the floor with undici's client. */
  versusUndiciFloor?: number[];
}

export type HttpBenchResult = Record<Mode, Partial<Record<TargetName, TargetFigures>>>;

/**
 * Portkey 1.15.2 streams fail on Node 20 (500 "Something went wrong"; its log: `TypeError: immutable`
 * appending to the fetched upstream Response's headers), so it is measured on JSON only.
 */
const MODES: Record<TargetName, readonly Mode[]> = {
  floor: ["json", "sse"],
  "floor, undici client": ["json", "sse"],
  "gateway-sim": ["json", "sse"],
  "http layer only": ["json", "sse"],
  portkey: ["json"],
};

function callFor(target: TargetName, url: string, upstream: string, stream: boolean): Call {
  const headers: Record<string, string> = { authorization: `Bearer ${BENCH_KEY}`, "content-type": "application/json" };
  if (target === "gateway-sim") {
    return { url: `${url}/v1/responses`, headers, body: JSON.stringify(gatewayBenchBody(INPUT, stream)) };
  }
  if (target === "floor" || target === "floor, undici client" || target === "http layer only")
    return { url: `${url}/v1/responses`, headers, body: JSON.stringify({ model: "gpt-5.4-nano", input: INPUT, stream }) };
  const portkey = { ...headers, "x-portkey-provider": "openai", "x-portkey-custom-host": `${upstream}/v1` };
  return { url: `${url}/v1/chat/completions`, headers: portkey, body: JSON.stringify({ model: "gpt-5.4-nano", messages: [{ role: "user", content: INPUT }], stream }) };
}

interface Round {
  one: Throughput;
  many: Throughput;
  medianUs: number;
  cpuUsPerRequest: number;
}

async function measureRound(call: Call, child: Child): Promise<Round> {
  const medianUs = await sequentialMedianUs(call, LATENCY_REQUESTS);
  const one = await throughput(call, 1, SECONDS);
  const cpuBefore = child.cpuMs();
  const many = await throughput(call, 64, SECONDS);
  return { one, many, medianUs, cpuUsPerRequest: ((child.cpuMs() - cpuBefore) * 1000) / many.total };
}

function figures(rounds: readonly Round[], floor: readonly Round[] | undefined, undiciFloor?: readonly Round[]): TargetFigures {
  const result: TargetFigures = {
    onePerSecond: median(rounds.map((r) => r.one.perSecond)),
    manyPerSecond: median(rounds.map((r) => r.many.perSecond)),
    medianUs: median(rounds.map((r) => r.medianUs)),
    cpuUsPerRequest: median(rounds.map((r) => r.cpuUsPerRequest)),
    failures: rounds.reduce((sum, r) => sum + r.one.non2xx + r.one.errors + r.many.non2xx + r.many.errors, 0),
  };
  if (floor === undefined) return result;
  const at = (i: number): Round => floor[i] as Round;
  result.versusFloor = {
    many: rounds.map((r, i) => r.many.perSecond / at(i).many.perSecond),
    one: rounds.map((r, i) => r.one.perSecond / at(i).one.perSecond),
    addedUs: rounds.map((r, i) => r.medianUs - at(i).medianUs),
  };
  if (undiciFloor !== undefined) result.versusUndiciFloor = rounds.map((r, i) => r.many.perSecond / (undiciFloor[i] as Round).many.perSecond);
  return result;
}

/**
 * Every target runs at once (idle while another is measured); per mode each is warmed, then the
 * rounds measure them in turn.
 *
 * @example
 * printHttpBench(await benchHttp());
 */
export async function benchHttp(): Promise<HttpBenchResult> {
  const result: HttpBenchResult = { json: {}, sse: {} };
  const upstream = await startTarget("upstream");
  const portkey = portkeyEntry();
  const children: Partial<Record<TargetName, Child>> = {};
  try {
    children.floor = await startTarget("floor", upstream.url);
    children["floor, undici client"] = await startTarget("floor-undici", upstream.url);
    children["gateway-sim"] = await startTarget("gateway", upstream.url);
    // gateway-sim's server and upstream fetch with no pipeline (bench/http/pass-through-target.ts).
    children["http layer only"] = await startTarget("pass-through", upstream.url);
    if (portkey) children.portkey = await startPortkey(portkey);
    for (const mode of ["json", "sse"] as const) {
      const targets = (Object.keys(children) as TargetName[]).filter((name) => MODES[name].includes(mode));
      const calls = new Map(targets.map((name) => [name, callFor(name, (children[name] as Child).url, upstream.url, mode === "sse")]));
      const rounds = new Map<TargetName, Round[]>(targets.map((name) => [name, []]));
      for (const name of targets) await throughput(calls.get(name) as Call, 64, WARM_SECONDS);
      for (let round = 0; round < ROUNDS; round++) {
        for (const name of targets) rounds.get(name)?.push(await measureRound(calls.get(name) as Call, children[name] as Child));
      }
      for (const name of targets) {
        result[mode][name] = figures(rounds.get(name) ?? [], name === "floor" ? undefined : rounds.get("floor"), name === "gateway-sim" ? rounds.get("floor, undici client") : undefined);
      }
    }
  } finally {
    for (const child of Object.values(children)) await child.stop();
    await upstream.stop();
  }
  return result;
}

const list = (values: readonly number[], digits: number): string => values.map((v) => fmt(v, digits)).join(", ");

const undiciNote = (f: TargetFigures): string =>
  f.versusUndiciFloor ? `; × the floor with undici's client at 64: ${fmt(median(f.versusUndiciFloor), 2)} (rounds ${list(f.versusUndiciFloor, 2)})` : "";

export function printHttpBench(result: HttpBenchResult): void {
  for (const mode of ["json", "sse"] as const) {
    const lines = Object.entries(result[mode]).map(([name, f]) => {
      const vs = f.versusFloor;
      const failures = f.failures > 0 ? ` · ${f.failures} non-2xx or errors` : "";
      return {
        name,
        value: `1 conn ${fmt(f.onePerSecond, 0)} req/s, median ${fmt(f.medianUs, 0)} µs · 64 conns ${fmt(f.manyPerSecond, 0)} req/s, ${fmt(f.cpuUsPerRequest, 0)} µs CPU/request${failures}`,
        note: vs
          ? `× floor at 64: ${fmt(median(vs.many), 2)} (rounds ${list(vs.many, 2)}); at 1: ${fmt(median(vs.one), 2)}; adds ${fmt(median(vs.addedUs), 0)} µs median at 1 (rounds ${list(vs.addedUs, 0)})${undiciNote(f)}`
          : "the floor",
      };
    });
    printSection(
      `HTTP ${mode === "json" ? "JSON" : "SSE"} under autocannon (loopback, instant upstream, cache off; each target warmed ${WARM_SECONDS} s, then ${ROUNDS} rounds of ${SECONDS} s per figure taken in turn; medians; ratios per round against the floor)`,
      lines,
    );
  }
}

if (import.meta.url === `file://${process.argv[1]}`) printHttpBench(await benchHttp());
