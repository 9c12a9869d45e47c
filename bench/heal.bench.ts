// Heal overhead per response and cache-hit latency, for `npm run bench` (bench/run.ts calls benchHeal)
// or on its own: `npx tsx bench/heal.bench.ts`. Wall-clock figures, so never asserted by a test.
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import { computeCacheKey } from "../src/cache/cache-key.js";
import { createMemoryCacheStore } from "../src/cache/memory-cache-store.js";
import { healResponse, type HealingMode } from "../src/plugins/response-healing/index.js";
import { RELEASE_SUMMARY_FORMAT as releaseSummary } from "../test/support/seed-requests.js";

export interface HealBenchResult {
  /** Median µs to "heal" valid JSON (direct parse, schema check, compact rewrite). */
  directParseUs: number;
  /** Median µs, safe mode, for a fenced answer with trailing commas. */
  safeHealUs: number;
  /** Median µs, extended mode, for single quotes + a trailing comma + an out-of-enum case. */
  extendedHealUs: number;
  /** Median µs of a cache-store `get()` hit (the body is copied out). */
  cacheHitUs: number;
  iterations: number;
}

const VALID = '{"summary":"3 deploys, no incidents","risk_level":"low"}';
const FENCED = '```json\n{\n  "summary": "3 deploys, no incidents",\n  "risk_level": "low",\n}\n```';
const EXTENDED = "{'summary': '3 deploys, no incidents', 'risk_level': 'LOW',}";

function medianUs(iterations: number, run: () => void): number {
  for (let i = 0; i < Math.min(200, iterations); i++) run(); // warm-up: compile the schema, JIT
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    run();
    samples.push((performance.now() - start) * 1000);
  }
  samples.sort((a, b) => a - b);
  return Number((samples[Math.floor(samples.length / 2)] ?? 0).toFixed(2));
}

/** Valid JSON needs no repair: the reference records that as `skipped` (nothing changed), a repair as `applied`. */
function healer(text: string, mode: HealingMode, expected: "applied" | "skipped" = "applied"): () => void {
  return () => {
    const result = healResponse({ text, finishReason: "stop", responseFormat: releaseSummary, mode, streaming: false });
    if (result.execution.status !== expected) throw new Error(`bench input gave ${result.execution.status} in ${mode} mode, expected ${expected}`);
  };
}

/**
 * Measures the figures; `iterations` per figure (default 5000).
 *
 * @example
 * const { safeHealUs } = await benchHeal();
 */
export async function benchHeal(options: { iterations?: number } = {}): Promise<HealBenchResult> {
  const iterations = options.iterations ?? 5000;
  const store = createMemoryCacheStore();
  const body = { id: "G-0", object: "response", output: [{ type: "message", role: "assistant", content: [{ type: "output_text", text: VALID }] }] };
  const { key } = computeCacheKey({
    workspaceId: "gateway-sim",
    endpoint: "responses",
    model: "openai/gpt-5.4-nano",
    protocol: "openai.responses",
    preset: { id: "release-summary", slug: "release-summary" },
    routingMode: null,
    body: { input: "x" },
  });
  store.set(key, { body, storedAt: 0, expiresAt: Number.MAX_SAFE_INTEGER });
  return {
    directParseUs: medianUs(iterations, healer(VALID, "safe", "skipped")),
    safeHealUs: medianUs(iterations, healer(FENCED, "safe")),
    extendedHealUs: medianUs(iterations, healer(EXTENDED, "extended")),
    cacheHitUs: medianUs(iterations, () => {
      if (store.get(key, 1) === undefined) throw new Error("expected a cache hit");
    }),
    iterations,
  };
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const result = await benchHeal();
  console.log(`heal overhead per response (median of ${result.iterations}):`);
  console.log(`  direct parse (valid JSON)        ${result.directParseUs} µs`);
  console.log(`  safe heal (fence + trailing ,)   ${result.safeHealUs} µs`);
  console.log(`  extended heal (quotes + enum)    ${result.extendedHealUs} µs`);
  console.log(`cache hit get()                    ${result.cacheHitUs} µs`);
}
