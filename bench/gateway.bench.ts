// In-process pipeline overhead: gateway.respond() against an upstream that answers at once, compared
// with calling that upstream through the adapter directly (what the pipeline adds per request).
import { RealClock } from "../src/core/clock.js";
import { createRandomFactory } from "../src/core/random.js";
import { loadDefaultCatalog } from "../src/gateway/catalog/load-catalog.js";
import { createGateway } from "../src/gateway/create-gateway.js";
import { createPresetStore } from "../src/gateway/presets/preset-store.js";
import { createMemoryUsageLog } from "../src/gateway/usage/memory-usage-log.js";
import { invokeProvider } from "../src/providers/invoke-provider.js";
import { adapterFor } from "../src/providers/registry.js";
import { elapsedUs, fmt, median, printSection } from "./stats.js";

/** A recorded-style Chat Completions answer, shared by the in-process and HTTP benches. */
export const ANSWER = JSON.stringify({
  id: "chatcmpl-bench",
  object: "chat.completion",
  created: 1767225600,
  model: "gpt-5.4-nano",
  choices: [{ index: 0, message: { role: "assistant", content: "Bench answer.", refusal: null }, logprobs: null, finish_reason: "stop" }],
  usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
});

/** An upstream that answers at once, in-process (no msw, no sockets). */
export const instantFetch: typeof fetch = async () => new Response(ANSWER, { status: 200, headers: { "content-type": "application/json" } });

export interface GatewayBenchResult {
  pipelineMedianUs: number;
  directMedianUs: number;
  overheadUs: number;
  ratio: number;
  cacheHitMedianUs: number;
}

export async function benchGateway(requests = 20_000): Promise<GatewayBenchResult> {
  const catalog = loadDefaultCatalog();
  if (!catalog.ok) throw new Error("default catalog failed to load");
  const clock = new RealClock();
  const gateway = createGateway({
    fetch: instantFetch,
    clock,
    random: createRandomFactory("bench"),
    catalog: catalog.value,
    presets: createPresetStore([]),
    usage: createMemoryUsageLog({ maxRecords: 1000 }),
  });
  const body = { model: "openai/gpt-5.4-nano", input: "Extract the action items.", provider: { only: ["openai", "openai-eu"], sort: "price" } };
  const offer = catalog.value.models["openai/gpt-5.4-nano"]?.[0];
  if (!offer) throw new Error("catalog lacks openai/gpt-5.4-nano");

  const pipeline: number[] = [];
  const direct: number[] = [];
  for (let i = 0; i < requests; i++) {
    let start = process.hrtime.bigint();
    // A distinct input per request: an identical body would be a response-cache hit (§7).
    const response = await gateway.respond({ ...body, input: `${body.input} #${i}` });
    pipeline.push(elapsedUs(start));
    if (response.status !== 200) throw new Error(`bench request failed: ${JSON.stringify(response.kind === "json" ? response.body : "")}`);
    start = process.hrtime.bigint();
    await invokeProvider({
      adapter: adapterFor(offer.format),
      fetch: instantFetch,
      clock,
      request: { model: offer.providerModel, messages: [{ role: "user", content: body.input }], stream: false },
      target: { baseUrl: offer.baseUrl, apiKey: "k" },
      timeoutMs: 60_000,
    });
    direct.push(elapsedUs(start));
  }
  // Skip the warm-up third: JIT and caches settle.
  const warm = Math.floor(requests / 3);
  const pipelineMedianUs = median(pipeline.slice(warm));
  const directMedianUs = median(direct.slice(warm));
  // A cache hit (identical body) for comparison: what the response cache saves.
  const hits: number[] = [];
  for (let i = 0; i < 2_000; i++) {
    const start = process.hrtime.bigint();
    const response = await gateway.respond(body);
    hits.push(elapsedUs(start));
    if (i > 0 && response.headers["x-phaseo-response-cache"] !== "hit") throw new Error("expected a cache hit");
  }
  return { pipelineMedianUs, directMedianUs, overheadUs: pipelineMedianUs - directMedianUs, ratio: pipelineMedianUs / directMedianUs, cacheHitMedianUs: median(hits.slice(500)) };
}

export function printGatewayBench(result: GatewayBenchResult): void {
  printSection("Gateway pipeline, in-process (upstream answers at once)", [
    { name: "gateway.respond() median", value: `${fmt(result.pipelineMedianUs)} µs/request` },
    { name: "direct adapter call median", value: `${fmt(result.directMedianUs)} µs/request` },
    { name: "pipeline overhead", value: `${fmt(result.overheadUs)} µs/request` },
    { name: "ratio gateway / direct", value: `${fmt(result.ratio, 2)}x` },
    { name: "response-cache hit median", value: `${fmt(result.cacheHitMedianUs)} µs/request`, note: "identical body, no provider call" },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) printGatewayBench(await benchGateway());
