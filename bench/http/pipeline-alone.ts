// gateway-sim's pipeline alone, in one process, for bench/http-split.bench.ts: the same gateway as the
// HTTP targets against the in-memory upstream, 64 requests in flight, no sockets. Prints one JSON
// line `{ json, sse, arithmetic }` of CPU µs per request (medians of three rounds after a warm-up);
// `arithmetic` is the control the pass-through target can run (bench/http/pass-through-target.ts).
// Usage: node --max-semi-space-size=32 --import tsx --import ./bench/built-js.mjs bench/http/pipeline-alone.ts
import { median } from "../stats.js";
import { benchGateway } from "./gateway-target.js";
import { inMemoryUpstreamFetch } from "./in-memory-upstream.js";
import { ARITHMETIC_ITERATIONS, arithmetic, runPipeline } from "./pass-through-target.js";

const IN_FLIGHT = 64;
const REQUESTS = 12_800;
const gateway = benchGateway(inMemoryUpstreamFetch, "http://127.0.0.1:9");

async function cpuUsPerRequest(stream: boolean, requests: number): Promise<number> {
  const each = requests / IN_FLIGHT;
  const before = process.cpuUsage();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = 0; i < each; i++) await runPipeline(gateway, "Extract the action items.", stream);
    }),
  );
  const used = process.cpuUsage(before);
  return (used.user + used.system) / requests;
}

const result: Record<string, number> = {};
for (const mode of ["json", "sse"] as const) {
  await cpuUsPerRequest(mode === "sse", REQUESTS);
  const rounds: number[] = [];
  for (let round = 0; round < 3; round++) rounds.push(await cpuUsPerRequest(mode === "sse", REQUESTS));
  result[mode] = median(rounds);
}
function arithmeticCpuUs(calls: number): number {
  let sink = 0;
  const before = process.cpuUsage();
  for (let i = 0; i < calls; i++) sink ^= arithmetic(ARITHMETIC_ITERATIONS);
  const used = process.cpuUsage(before);
  if (sink === 0.5) throw new Error("unreachable: keeps the loop");
  return (used.user + used.system) / calls;
}
arithmeticCpuUs(2_000);
result["arithmetic"] = median([arithmeticCpuUs(5_000), arithmeticCpuUs(5_000), arithmeticCpuUs(5_000)]);
process.stdout.write(`${JSON.stringify(result)}\n`);
