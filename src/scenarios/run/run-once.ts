// One run of a scenario with one seed: a virtual clock, the fake fleet, the real gateway, the
// traffic and the timeline played inside clock.run(), and every finished request streamed into
// the expectation evaluators.
import { createRandomFactory } from "../../core/random.js";
import { VirtualClock } from "../../core/virtual-clock.js";
import { createGateway, type Gateway } from "../../gateway/create-gateway.js";
import { createMemoryUsageLog } from "../../gateway/usage/memory-usage-log.js";
import type { UsageLog } from "../../gateway/usage/usage-log.js";
import { createEvaluator } from "../expect/evaluate.js";
import type { RequestOutcome } from "../expect/outcome.js";
import type { ExpectationResult } from "../expect/result.js";
import type { LoadedScenario } from "../load/loaded-scenario.js";
import type { CollectedRequest } from "../report/request-collector.js";
import type { ScenarioStats } from "../report/types.js";
import type { Expectation } from "../schema/expectations.js";
import type { Transport } from "../schema/scenario.js";
import { decisionOf, type Decision } from "../snapshot/decision.js";
import { planTraffic } from "./plan-traffic.js";
import { playTraffic, type SentRequest } from "./play-traffic.js";
import { answerIsSchemaValid, requestedSchema } from "./schema-validity.js";
import { startFleet } from "./start-fleet.js";
import { createSwappablePresetStore, type SwappablePresetStore } from "./swappable-presets.js";
import { runFacts, scheduleTimeline } from "./timeline.js";

export interface RunOnceOptions {
  seed: string;
  expectations: readonly Expectation[];
  /** Keep every request's routing decision (for snapshots). */
  collectDecisions: boolean;
  transport?: Transport | undefined;
  /** Receives every usage record (default: a log that retains none, so memory stays flat). */
  usage?: UsageLog | undefined;
  onProgress?: ((done: number, expected: number) => void) | undefined;
  /** Sees every finished request with the bodies sent and received (for the report's request section). */
  onRequest?: ((request: CollectedRequest) => void) | undefined;
}

export interface RunOnceResult {
  seed: string;
  results: ExpectationResult[];
  /** In sending order; undefined unless collected. */
  decisions: Decision[] | undefined;
  stats: ScenarioStats;
}

function buildGateway(scenario: LoadedScenario, deps: { seed: string; clock: VirtualClock; fetch: typeof fetch; presets: SwappablePresetStore; usage: UsageLog | undefined }): Gateway {
  // A fake with `api_key` answers 401 unless the gateway sends exactly that key.
  const apiKeys = new Map(scenario.spec.providers.flatMap((p) => (p.api_key ? [[p.id, p.api_key] as const] : [])));
  return createGateway({
    fetch: deps.fetch,
    clock: deps.clock,
    random: createRandomFactory(deps.seed),
    catalog: scenario.catalog,
    presets: deps.presets,
    settings: scenario.spec.settings,
    usage: deps.usage ?? createMemoryUsageLog({ maxRecords: 0 }),
    providerKey: (provider) => apiKeys.get(provider) ?? "gateway-sim-upstream-key",
  });
}

/**
 * @example
 * const result = await runOnce(loaded, { seed: "42", expectations: loaded.spec.expectations, collectDecisions: false });
 * result.results.every((r) => r.passed);
 */
export async function runOnce(scenario: LoadedScenario, options: RunOnceOptions): Promise<RunOnceResult> {
  const { spec } = scenario;
  const clock = new VirtualClock(spec.start ? { start: Date.parse(spec.start) } : {});
  const startMs = clock.now();
  const fleet = startFleet({ seed: options.seed, clock, profiles: spec.providers, transport: options.transport ?? spec.transport });
  const presets = createSwappablePresetStore(scenario.presets);
  const gateway = buildGateway(scenario, { seed: options.seed, clock, fetch: fleet.fetch, presets, usage: options.usage });
  const evaluators = options.expectations.map((e) => createEvaluator(e, runFacts(spec.timeline)));
  const decisions: Decision[] | undefined = options.collectDecisions ? [] : undefined;
  const stats: ScenarioStats = { requests: 0, simulated_ms: 0, cost_usd: 0, client_errors: 0 };
  const plan = planTraffic(spec.traffic, options.seed);
  const schemas = new Map<number, ReturnType<typeof requestedSchema>>();

  const onSent = ({ request, record, body }: SentRequest): void => {
    const format = schemas.get(request.index);
    schemas.delete(request.index);
    const outcome: RequestOutcome = {
      index: request.index,
      name: request.name,
      offsetMs: record.time_ms - startMs,
      record,
      schemaValid: format && body !== undefined ? answerIsSchemaValid(format, record.http_status, body) : null,
    };
    for (const evaluator of evaluators) evaluator.observe(outcome);
    options.onRequest?.({ index: request.index, name: request.name, offsetMs: outcome.offsetMs, record, requestBody: request.body, responseBody: body });
    decisions?.push(decisionOf(outcome));
    stats.requests++;
    stats.cost_usd += record.cost_usd;
    if (record.status === "failed" || record.http_status >= 400) stats.client_errors++;
    options.onProgress?.(stats.requests, plan.expected);
  };

  try {
    await clock.run(async () => {
      scheduleTimeline(scenario, { clock, fleet: fleet.fleet, presets });
      await playTraffic({
        gateway,
        clock,
        startMs,
        requests: plan.requests,
        concurrency: spec.traffic.load.map((l) => l.concurrency),
        // The preset a request's schema comes from is the one installed when it is sent.
        onSend: (request) => schemas.set(request.index, requestedSchema(request.body, presets)),
        onSent,
      });
      const rest = startMs + (spec.duration ?? 0) - clock.now();
      if (rest > 0) await clock.sleep(rest);
    });
  } finally {
    fleet.close();
  }
  stats.simulated_ms = clock.now() - startMs;
  decisions?.sort((a, b) => a.i - b.i);
  return { seed: options.seed, results: evaluators.map((e) => e.finish()), decisions, stats };
}
