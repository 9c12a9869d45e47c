// The whole pipeline on the virtual clock: clients → gateway → fake providers, through the direct
// transport (fleet.fetch handed to the gateway) and through msw intercepting the gateway's real fetch.
// Figures: simulated requests per wall-second and the simulated-to-wall time ratio (peak memory of
// long runs: pipeline-memory.ts).
import { VirtualClock } from "../src/core/virtual-clock.js";
import { createRandomFactory } from "../src/core/random.js";
import { createFakeFleet, profilesFromCatalog, startMswInterception } from "../src/fakes/index.js";
import { loadDefaultCatalog } from "../src/gateway/catalog/load-catalog.js";
import { createGateway } from "../src/gateway/create-gateway.js";
import { createPresetStore } from "../src/gateway/presets/preset-store.js";
import { createMemoryUsageLog } from "../src/gateway/usage/memory-usage-log.js";
import { driveClients, type DriveFigures } from "./drive-clients.js";
import { fmt, printSection } from "./stats.js";

const CLIENTS = 100;

export interface PipelineRun extends DriveFigures {
  errors: number;
}

export async function drivePipeline(requests: number, transport: "direct" | "msw"): Promise<PipelineRun> {
  const catalog = loadDefaultCatalog();
  if (!catalog.ok) throw new Error("default catalog failed to load");
  const clock = new VirtualClock();
  const fleet = createFakeFleet({
    seed: "bench",
    clock,
    profiles: profilesFromCatalog(catalog.value, { latency: { lognormal: { median: "800ms", p99: "3s" } }, output_tokens: { lognormal: { median: 60, p99: 300 } } }),
    journal: { maxEntries: 1000 },
  });
  const msw = transport === "msw" ? startMswInterception(fleet) : undefined;
  const gateway = createGateway({
    fetch: transport === "msw" ? (input, init) => globalThis.fetch(input, init) : fleet.fetch,
    clock,
    random: createRandomFactory("bench"),
    catalog: catalog.value,
    presets: createPresetStore([]),
    usage: createMemoryUsageLog({ maxRecords: 1000 }),
  });
  const bodies = [
    { model: "openai/gpt-5.4-nano", input: "Extract the action items.", provider: { only: ["openai", "openai-eu"], sort: "price" } },
    { model: "meta/llama-4-maverick", input: "Summarize the transcript.", provider: { ignore: ["deepinfra"] } },
    { model: "google/gemini-3.1-flash-lite", input: "Summarize the incident in one sentence.", provider: { sort: "latency" } },
  ];
  let errors = 0;
  let cacheHits = 0;
  const figures = await driveClients(clock, { clients: CLIENTS, requests }, async (client, i) => {
    // A distinct input per request: identical bodies would be answered by the response cache.
    const template = bodies[(client + i) % bodies.length] as (typeof bodies)[number];
    const response = await gateway.respond({ ...template, input: `${template.input} #${client}-${i}` });
    if (response.status !== 200) errors++;
    if (response.headers["x-phaseo-response-cache"] === "hit") cacheHits++;
  });
  msw?.close();
  if (cacheHits > 0) throw new Error(`${cacheHits} requests were cache hits: the bench must reach the providers`);
  return { ...figures, errors };
}

/** Runs of one configuration; the median run is the figure, the others show the spread. */
export interface PipelineRuns {
  runs: PipelineRun[];
  median: PipelineRun;
}

const REPEATS = 3;

async function repeated(requests: number, transport: "direct" | "msw"): Promise<PipelineRuns> {
  const runs: PipelineRun[] = [];
  for (let i = 0; i < REPEATS; i++) runs.push(await drivePipeline(requests, transport));
  const byRate = [...runs].sort((a, b) => a.requests / a.wallMs - b.requests / b.wallMs);
  return { runs, median: byRate[Math.floor(byRate.length / 2)] as PipelineRun };
}

export async function benchPipelineSim(): Promise<Record<string, PipelineRuns>> {
  await drivePipeline(2_000, "direct"); // warm-up
  const direct = await repeated(20_000, "direct");
  const msw = await repeated(5_000, "msw");
  // The long runs (25k, 50k, 100k requests) are the memory section's, each in a fresh process.
  return {
    "direct, 20,000 requests (aim ≥ 5,000/s)": direct,
    "msw, 5,000 requests (aim ≥ 1,000/s)": msw,
  };
}

const rate = (run: PipelineRun): number => run.requests / (run.wallMs / 1000);

export function printPipelineSimBench(results: Record<string, PipelineRuns>): void {
  printSection(`Full pipeline on the virtual clock (gateway + fakes, ${CLIENTS} concurrent clients, lognormal 800 ms / 3 s)`, [
    ...Object.entries(results).map(([name, { runs, median: run }]) => ({
      name,
      value: `${fmt(rate(run), 0)} simulated req/s`,
      note: `${runs.length > 1 ? `median of ${runs.length} (${runs.map((r) => fmt(rate(r), 0)).join(", ")}); ` : ""}${fmt(run.wallMs, 0)} ms wall for ${fmt(run.simulatedMs / 1000, 0)} s simulated (${fmt(run.simulatedMs / run.wallMs, 0)}× real time), peak heap ${fmt(run.peakHeapMb, 0)} MB, peak RSS ${fmt(run.peakRssMb, 0)} MB, ${run.errors} client errors`,
    })),
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) printPipelineSimBench(await benchPipelineSim());
