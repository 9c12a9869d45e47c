// gateway-sim's pipeline alone, in one process, for bench/http-split.bench.ts: the same gateway as the
// HTTP targets against the in-memory upstream, no sockets. Prints one JSON line of CPU µs per request
// (medians of three rounds after a warm-up):
// - `json`, `sse`: 64 requests in flight, back to back, so the pipeline's code and data stay in cache;
// - `jsonCold`, `sseCold`: one request at a time with a 4 MiB memory sweep between requests (its own
//   cost taken off), which evicts the CPU caches as a server's other HTTP work does;
// - `arithmetic`, `allocation`: the controls the pass-through target can run (bench/http/pass-through-target.ts).
// Usage: node --max-semi-space-size=32 --import tsx --import ./bench/built-js.mjs bench/http/pipeline-alone.ts
import { median } from "../stats.js";
import { benchGateway } from "./gateway-target.js";
import { inMemoryUpstreamFetch } from "./in-memory-upstream.js";
import { ALLOCATION_OBJECTS, ARITHMETIC_ITERATIONS, allocation, arithmetic, runPipeline } from "./pass-through-target.js";

const IN_FLIGHT = 64;
const REQUESTS = 12_800;
const COLD_REQUESTS = 3_000;
const INPUT = "Extract the action items.";
const gateway = benchGateway(inMemoryUpstreamFetch, "http://127.0.0.1:9");
const sweepArea = new Float64Array((4 << 20) / 8);

function cpuUs(): number {
  const used = process.cpuUsage();
  return used.user + used.system;
}

/** Writes one value per 64-byte line of 4 MiB: more than this machine's L2, so the caches start cold. */
function sweep(): void {
  for (let i = 0; i < sweepArea.length; i += 8) sweepArea[i] = (sweepArea[i] ?? 0) + 1;
}

async function warmUsPerRequest(stream: boolean, requests: number): Promise<number> {
  const each = requests / IN_FLIGHT;
  const before = cpuUs();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = 0; i < each; i++) await runPipeline(gateway, INPUT, stream);
    }),
  );
  return (cpuUs() - before) / requests;
}

async function coldUsPerRequest(stream: boolean, requests: number): Promise<number> {
  let before = cpuUs();
  for (let i = 0; i < requests; i++) sweep();
  const sweepUs = (cpuUs() - before) / requests;
  before = cpuUs();
  for (let i = 0; i < requests; i++) {
    await runPipeline(gateway, INPUT, stream);
    sweep();
  }
  return (cpuUs() - before) / requests - sweepUs;
}

function controlUs(run: () => number, calls: number): number {
  let sink = 0;
  const before = cpuUs();
  for (let i = 0; i < calls; i++) sink ^= run();
  if (sink === 0.5) throw new Error("unreachable: keeps the loop");
  return (cpuUs() - before) / calls;
}

async function threeRounds(measure: () => Promise<number> | number): Promise<number> {
  await measure();
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) rounds.push(await measure());
  return median(rounds);
}

const result: Record<string, number> = {};
for (const mode of ["json", "sse"] as const) {
  result[mode] = await threeRounds(() => warmUsPerRequest(mode === "sse", REQUESTS));
  result[`${mode}Cold`] = await threeRounds(() => coldUsPerRequest(mode === "sse", COLD_REQUESTS));
}
result["arithmetic"] = await threeRounds(() => controlUs(() => arithmetic(ARITHMETIC_ITERATIONS), 5_000));
result["allocation"] = await threeRounds(() => controlUs(() => allocation(ALLOCATION_OBJECTS).length, 5_000));
process.stdout.write(`${JSON.stringify(result)}\n`);
