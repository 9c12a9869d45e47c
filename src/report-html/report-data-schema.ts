// The parts of a JSON run report the HTML report reads, validated when a report file is loaded
// (`gateway-sim report run.json`). Request rows and details stay opaque here: the page's script
// reads them, and a run's own SuiteReport fits this shape as is.
import { z } from "zod";

const failureSchema = z.object({
  check: z.string(),
  expected: z.string(),
  actual: z.string(),
  failing: z.number().optional(),
  examples: z.array(z.object({ request: z.string(), actual: z.string() })).optional(),
});

const expectationSchema = z.object({
  name: z.string(),
  passed: z.boolean(),
  selected: z.number(),
  failures: z.array(failureSchema),
  pass_rate: z.number().nullable(),
  seed: z.string(),
  reproduce: z.string().nullable(),
});

const requestsSchema = z.object({
  total: z.number(),
  detail_policy: z.object({ kept: z.number(), first: z.number(), notable_max: z.number() }),
  columns: z.array(z.string()).readonly(),
  providers: z.array(z.string()),
  names: z.array(z.string()),
  phases: z.array(z.object({ provider: z.string(), fault: z.string(), name: z.string().nullable(), from_ms: z.number(), to_ms: z.number() })),
  rows: z.array(z.array(z.unknown()).readonly()),
  details: z.array(z.unknown()),
});

const scenarioSchema = z.object({
  file: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  seed: z.string(),
  status: z.enum(["passed", "failed", "invalid"]),
  issues: z.array(z.object({ file: z.string(), line: z.number(), column: z.number(), path: z.string(), message: z.string() })),
  runs: z.object({ seeds: z.number(), pass_rate: z.number(), passed: z.number() }).nullable(),
  expectations: z.array(expectationSchema),
  stats: z.object({ requests: z.number(), simulated_ms: z.number(), cost_usd: z.number(), client_errors: z.number() }),
  error: z.string().nullable(),
  // null in the JSON report for invalid or crashed scenarios; absent in a SuiteReport built in-process.
  requests: requestsSchema.nullish(),
});

/** A JSON run report (`gateway-sim run --reporter json`). */
export const reportDataSchema = z.object({
  version: z.number().optional(),
  summary: z.object({
    scenarios: z.number(),
    passed: z.number(),
    failed: z.number(),
    invalid: z.number(),
    expectations: z.object({ passed: z.number(), failed: z.number() }),
    requests: z.number(),
    simulated_ms: z.number(),
    cost_usd: z.number(),
  }),
  scenarios: z.array(scenarioSchema),
  timing: z.object({ wall_ms: z.number(), scenarios: z.array(z.object({ file: z.string(), wall_ms: z.number() })) }).optional(),
});

export type ReportData = z.output<typeof reportDataSchema>;
export type ScenarioData = ReportData["scenarios"][number];
