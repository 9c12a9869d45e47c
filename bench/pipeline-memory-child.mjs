// One long run of the memory section, as users run the pipeline: built JavaScript from dist/ (what
// bin/gateway-sim.js runs), no TypeScript loader. The same load as drivePipeline(n, "direct") in
// pipeline-sim.bench.ts: 100 clients, three request shapes, bounded usage log and journal.
// Prints the run's figures as one JSON line. Usage: node --max-semi-space-size=32 bench/pipeline-memory-child.mjs 100000
import { VirtualClock } from "../dist/core/virtual-clock.js";
import { createRandomFactory } from "../dist/core/random.js";
import { createFakeFleet, profilesFromCatalog } from "../dist/fakes/index.js";
import { loadDefaultCatalog } from "../dist/gateway/catalog/load-catalog.js";
import { createGateway } from "../dist/gateway/create-gateway.js";
import { createPresetStore } from "../dist/gateway/presets/preset-store.js";
import { createMemoryUsageLog } from "../dist/gateway/usage/memory-usage-log.js";

const CLIENTS = 100;
const requests = Number(process.argv[2]);
if (!Number.isInteger(requests) || requests <= 0) throw new Error("usage: pipeline-memory-child.mjs <requests>");

const catalog = loadDefaultCatalog();
if (!catalog.ok) throw new Error("default catalog failed to load");
const clock = new VirtualClock();
const fleet = createFakeFleet({
  seed: "bench",
  clock,
  profiles: profilesFromCatalog(catalog.value, { latency: { lognormal: { median: "800ms", p99: "3s" } }, output_tokens: { lognormal: { median: 60, p99: 300 } } }),
  journal: { maxEntries: 1000 },
});
const gateway = createGateway({
  fetch: fleet.fetch,
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
let peakHeap = 0;
let peakRss = 0;
const started = performance.now();
const simStart = clock.now();
await clock.run(async () => {
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; i < requests / CLIENTS; i++) {
        const template = bodies[(client + i) % bodies.length];
        const response = await gateway.respond({ ...template, input: `${template.input} #${client}-${i}` });
        if (response.status !== 200) errors++;
        if (response.headers["x-phaseo-response-cache"] === "hit") throw new Error("a cache hit: the bench must reach the providers");
        if (client === 0 && i % 50 === 0) {
          const memory = process.memoryUsage();
          peakHeap = Math.max(peakHeap, memory.heapUsed);
          peakRss = Math.max(peakRss, memory.rss);
        }
      }
    }),
  );
});
process.stdout.write(JSON.stringify({ requests, wallMs: performance.now() - started, simulatedMs: clock.now() - simStart, peakHeapMb: peakHeap / 2 ** 20, peakRssMb: peakRss / 2 ** 20, errors }));
