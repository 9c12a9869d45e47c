// gateway-sim's pipeline alone, in one process, for bench/http-split.bench.ts: the same gateway as the
// HTTP targets against the in-memory upstream, 64 requests in flight, no sockets. Prints one JSON
// line `{ json, sse }` of CPU µs per request (medians of three rounds after a warm-up).
// Usage: node --max-semi-space-size=32 --import tsx --import ./bench/built-js.mjs bench/http/pipeline-alone.ts
import { formatSseEvent } from "../../src/core/sse.js";
import { median } from "../stats.js";
import { benchGateway, gatewayBenchBody } from "./gateway-target.js";
import { inMemoryUpstreamFetch } from "./in-memory-upstream.js";

const IN_FLIGHT = 64;
const REQUESTS = 12_800;
const gateway = benchGateway(inMemoryUpstreamFetch, "http://127.0.0.1:9");

async function one(stream: boolean): Promise<void> {
  const response = await gateway.respond(gatewayBenchBody("Extract the action items.", stream), {});
  if (response.status !== 200) throw new Error(`the pipeline answered ${response.status}`);
  if (response.kind === "json") {
    JSON.stringify(response.body);
    return;
  }
  for await (const event of response.events) formatSseEvent(event);
  await response.record;
}

async function cpuUsPerRequest(stream: boolean, requests: number): Promise<number> {
  const each = requests / IN_FLIGHT;
  const before = process.cpuUsage();
  await Promise.all(
    Array.from({ length: IN_FLIGHT }, async () => {
      for (let i = 0; i < each; i++) await one(stream);
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
process.stdout.write(`${JSON.stringify(result)}\n`);
