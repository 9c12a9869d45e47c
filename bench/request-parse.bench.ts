// Request parsing micro-bench: fast path vs schema alone, batches alternated in one process, and prepareRequest()
// whole. Run on its own: `node --max-semi-space-size=32 --import tsx bench/request-parse.bench.ts`.
import { loadDefaultCatalog } from "../src/gateway/catalog/load-catalog.js";
import { prepareOptions, prepareRequest } from "../src/gateway/presets/prepare-request.js";
import { createPresetStore } from "../src/gateway/presets/preset-store.js";
import { parseResponsesRequest, parseResponsesRequestBySchema } from "../src/gateway/request/parse-responses-request.js";
import { defaultGatewaySettings } from "../src/gateway/settings.js";
import { elapsedUs, fmt, median, printSection } from "./stats.js";

/** The gateway bench's body, and a chat-style one with message items and sampling fields. */
const BODIES: Record<string, Record<string, unknown>> = {
  "bench body (input + provider only/sort)": { model: "openai/gpt-5.4-nano", input: "Extract the action items.", provider: { only: ["openai", "openai-eu"], sort: "price" } },
  "chat body (messages, temperature, max_output_tokens, stream)": {
    model: "openai/gpt-5.4-nano",
    input: [
      { role: "system", content: "Be brief." },
      { role: "user", content: [{ type: "input_text", text: "Summarize the transcript." }] },
    ],
    temperature: 0.2,
    max_output_tokens: 256,
    stream: false,
    user: "u-1",
  },
};

const BATCH = 2_000;
const ROUNDS = 40;

/** Median µs per call of each function, batches alternated so both see the same load. */
function alternate(fns: Record<string, () => unknown>): Record<string, number> {
  const samples: Record<string, number[]> = Object.fromEntries(Object.keys(fns).map((name) => [name, []]));
  for (let round = 0; round < ROUNDS; round++) {
    for (const [name, fn] of Object.entries(fns)) {
      const start = process.hrtime.bigint();
      for (let i = 0; i < BATCH; i++) fn();
      samples[name]?.push(elapsedUs(start) / BATCH);
    }
  }
  // The first quarter warms the JIT and the per-key schema caches.
  return Object.fromEntries(Object.entries(samples).map(([name, values]) => [name, median(values.slice(ROUNDS / 4))]));
}

const catalog = loadDefaultCatalog();
if (!catalog.ok) throw new Error("default catalog failed to load");
const presets = createPresetStore([]);
const options = prepareOptions(defaultGatewaySettings());

for (const [label, body] of Object.entries(BODIES)) {
  const us = alternate({
    schema: () => parseResponsesRequestBySchema(body, options),
    fast: () => parseResponsesRequest(body, options),
    prepare: () => prepareRequest(body, presets, options, { catalog: catalog.value }),
  });
  printSection(`Request parsing: ${label}`, [
    { name: "parse, schema only", value: `${fmt(us["schema"] ?? Number.NaN, 2)} µs` },
    { name: "parse, fast path", value: `${fmt(us["fast"] ?? Number.NaN, 2)} µs`, note: `${fmt((us["schema"] ?? 0) / (us["fast"] ?? 1), 1)}x faster` },
    { name: "prepareRequest (fast path)", value: `${fmt(us["prepare"] ?? Number.NaN, 2)} µs` },
  ]);
}
