// One run of a scenario against an outside gateway: the fakes on a local port, the timeline and the
// traffic in real time × speed, each request sent in the gateway's API with its correlation marker,
// and every expectation judged from the client's answers and the fakes' journal alone.
import type { ConfigIssue } from "../core/load-config.js";
import type { JournalEntry } from "../fakes/journal/entry.js";
import type { UsageRecord } from "../gateway/types.js";
import { createEvaluator } from "../scenarios/expect/evaluate.js";
import type { RequestOutcome } from "../scenarios/expect/outcome.js";
import type { ExpectationResult } from "../scenarios/expect/result.js";
import { selector } from "../scenarios/expect/select.js";
import type { LoadedScenario } from "../scenarios/load/loaded-scenario.js";
import type { CollectedRequest } from "../scenarios/report/request-collector.js";
import type { ScenarioStats } from "../scenarios/report/types.js";
import type { RunOnceResult } from "../scenarios/run/run-once.js";
import { planTraffic } from "../scenarios/run/plan-traffic.js";
import { playTraffic } from "../scenarios/run/play-traffic.js";
import { answerIsSchemaValid, requestedSchema } from "../scenarios/run/schema-validity.js";
import { createSwappablePresetStore } from "../scenarios/run/swappable-presets.js";
import { runFacts } from "../scenarios/run/timeline.js";
import type { Expectation } from "../scenarios/schema/expectations.js";
import { type GatewayTarget, requestHeaders } from "./gateway-target.js";
import { notJudgeableFailure, notJudgeableIssues, splitJudgeable } from "./judgeable.js";
import { withLatencyTolerance } from "./latency-tolerance.js";
import { observedRecord } from "./observed-record.js";
import { plannedSender, requestId, type SentRequest } from "./send-planned.js";
import { fakeUrlEnv, startFakes } from "./start-fakes.js";

export interface ExternalRunOptions {
  target: GatewayTarget;
  seed: string;
  expectations: readonly Expectation[];
  log?: ((line: string) => void) | undefined;
  onProgress?: ((done: number, expected: number) => void) | undefined;
  onRequest?: ((request: CollectedRequest) => void) | undefined;
}

/** The usage record of a sent request from its answer and the journal entries carrying its id. */
function recordOf(scenario: LoadedScenario, s: SentRequest, calls: ReadonlyMap<string, JournalEntry[]>): UsageRecord {
  const id = requestId(s.request.index);
  return observedRecord({ id, timeMs: s.timeMs, seq: s.request.index, body: s.request.body, answer: s.answer, calls: calls.get(id) ?? [], catalog: scenario.catalog });
}

/** Real ms allowed after the last answer for the fakes' last journal entries (aborted calls) to land. */
const SETTLE_REAL_MS = 100;

/**
 * @example
 * const result = await runExternalOnce(loaded, { target, seed: "42", expectations: loaded.spec.expectations });
 */
export async function runExternalOnce(scenario: LoadedScenario, options: ExternalRunOptions): Promise<RunOnceResult> {
  const { spec } = scenario;
  const { target } = options;
  const calls = new Map<string, JournalEntry[]>();
  const fakes = await startFakes({
    scenario,
    port: target.fakesPort,
    speed: target.speed,
    seed: options.seed,
    log: options.log ?? (() => undefined),
    onEntry: (entry) => {
      if (entry.correlation === undefined) return;
      const list = calls.get(entry.correlation);
      if (list) list.push(entry);
      else calls.set(entry.correlation, [entry]);
    },
  });
  const vars = { ...fakeUrlEnv(fakes.urls), GATEWAY_SIM_CONTROL_URL: fakes.control };
  const headersByName = new Map<string | null, Record<string, string>>();
  const headersOf = (name: string | null): Record<string, string> => {
    let headers = headersByName.get(name);
    if (!headers) headersByName.set(name, (headers = requestHeaders(target, name, scenario.file, vars)));
    return headers;
  };
  const sent: SentRequest[] = [];
  const plan = planTraffic(spec.traffic, options.seed);
  try {
    const run = fakes.start();
    const { clock } = run;
    const sender = plannedSender({
      target,
      clock,
      headersOf,
      onSent: (one) => {
        sent.push(one);
        options.onProgress?.(sent.length, plan.expected);
      },
      record: (one) => recordOf(scenario, one, calls),
    });
    await playTraffic({
      gateway: sender,
      clock,
      startMs: run.origin,
      requests: plan.requests,
      concurrency: spec.traffic.load.map((l) => l.concurrency),
      onSend: sender.next,
      onSent: () => undefined,
    });
    await clock.sleep(SETTLE_REAL_MS * target.speed);
    return judge(scenario, options, sent, calls, run.origin, clock.now() - run.origin);
  } finally {
    await fakes.close();
  }
}

function judge(scenario: LoadedScenario, options: ExternalRunOptions, sent: SentRequest[], calls: Map<string, JournalEntry[]>, startMs: number, elapsedMs: number): RunOnceResult {
  const { spec } = scenario;
  const located = new Map<string, ConfigIssue>();
  const issues = notJudgeableIssues(scenario.file, spec.expectations, false);
  let k = 0;
  spec.expectations.forEach((e) => {
    for (const check of splitJudgeable(e).notJudgeable) {
      const issue = issues[k++];
      if (issue) located.set(`${e.name}\u0000${check}`, issue);
    }
  });
  const facts = runFacts(spec.timeline);
  const plans = options.expectations.map((e) => {
    const split = splitJudgeable(e);
    const judged = split.judged && withLatencyTolerance(split.judged, options.target.latencyToleranceMs);
    return { e, split, evaluator: judged && createEvaluator(judged, facts), pick: selector(e), selected: 0 };
  });
  const presets = createSwappablePresetStore(scenario.presets);
  const stats: ScenarioStats = { requests: 0, simulated_ms: elapsedMs, cost_usd: 0, client_errors: 0 };
  for (const s of [...sent].sort((a, b) => a.request.index - b.request.index)) {
    const record = recordOf(scenario, s, calls);
    const format = requestedSchema(s.request.body, presets);
    const outcome: RequestOutcome = {
      index: s.request.index,
      name: s.request.name,
      offsetMs: s.timeMs - startMs,
      record,
      schemaValid: format && s.answer.body !== undefined ? answerIsSchemaValid(format, record.http_status, s.answer.body) : null,
    };
    for (const p of plans) {
      p.evaluator?.observe(outcome);
      if (p.pick(outcome)) p.selected++;
    }
    options.onRequest?.({ index: outcome.index, name: outcome.name, offsetMs: outcome.offsetMs, record, requestBody: s.request.body, responseBody: s.answer.body });
    stats.requests++;
    stats.cost_usd += record.cost_usd;
    if (record.status === "failed" || record.http_status >= 400 || record.http_status === 0) stats.client_errors++;
  }
  const results: ExpectationResult[] = plans.map((p) => {
    const base = p.evaluator?.finish() ?? { name: p.e.name, passed: true, selected: p.selected, failures: [] };
    const failures = [...base.failures, ...p.split.notJudgeable.map((c) => notJudgeableFailure(c, located.get(`${p.e.name}\u0000${c}`)))];
    return { ...base, passed: failures.length === 0, failures };
  });
  return { seed: options.seed, results, decisions: undefined, stats };
}
