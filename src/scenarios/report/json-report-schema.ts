// The JSON report's shape as a zod schema (the reporter's output is checked against it in a test)
// and as the JSON Schema `gateway-sim schema --report` prints. Every scenario has every key, valid,
// failed, crashed or invalid alike: absent parts are null or empty, never missing.
import { z } from "zod";
import { REQUEST_COLUMNS } from "./request-rows.js";

const issueSchema = z.strictObject({ file: z.string(), line: z.number(), column: z.number(), path: z.string(), message: z.string() });

const failureSchema = z.strictObject({
  check: z.string(),
  expected: z.string(),
  actual: z.string(),
  failing: z.number().optional(),
  examples: z.array(z.strictObject({ request: z.string(), actual: z.string() })).optional(),
});

const expectationSchema = z.strictObject({
  name: z.string(),
  passed: z.boolean(),
  selected: z.number(),
  failures: z.array(failureSchema),
  pass_rate: z.number().nullable(),
  seed: z.string(),
  reproduce: z.string().nullable(),
});

const requestRowSchema = z.tuple([
  z.number(),
  z.number(),
  z.number(),
  z.string(),
  z.number(),
  z.enum(["completed", "incomplete", "failed"]),
  z.number(),
  z.number(),
  z.number().nullable(),
  z.number(),
  z.array(z.number()),
  z.enum(["applied", "skipped", "failed", "none"]),
  z.enum(["bypass", "miss", "hit"]).nullable(),
  z.string(),
  z.number(),
]);

const requestsSchema = z.strictObject({
  total: z.number(),
  detail_policy: z.strictObject({ kept: z.number(), first: z.number(), notable_max: z.number() }),
  columns: z.tuple(REQUEST_COLUMNS.map((c) => z.literal(c)) as [z.ZodLiteral<string>, ...z.ZodLiteral<string>[]]),
  providers: z.array(z.string()),
  names: z.array(z.string()),
  phases: z.array(z.strictObject({ provider: z.string(), fault: z.string(), name: z.string().nullable(), from_ms: z.number(), to_ms: z.number() })),
  rows: z.array(requestRowSchema),
  // The usage dialog's per-request detail (the same record `GET /v1/generations` serves, plus bodies).
  details: z.array(z.record(z.string(), z.unknown())),
});

const scenarioSchema = z.strictObject({
  file: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  seed: z.string(),
  status: z.enum(["passed", "failed", "invalid"]),
  issues: z.array(issueSchema),
  runs: z.strictObject({ seeds: z.number(), pass_rate: z.number(), passed: z.number() }).nullable(),
  expectations: z.array(expectationSchema),
  snapshot: z.strictObject({ status: z.enum(["matched", "written", "updated", "mismatch", "missing"]), file: z.string(), diff: z.array(z.string()).optional() }).nullable(),
  stats: z.strictObject({ requests: z.number(), simulated_ms: z.number(), cost_usd: z.number(), client_errors: z.number() }),
  error: z.string().nullable(),
  /** The first run's requests; null for an invalid scenario or one whose run crashed. */
  requests: requestsSchema.nullable(),
});

/** `gateway-sim run --reporter json`'s output. */
export const jsonReportSchema = z.strictObject({
  version: z.literal(1),
  summary: z.strictObject({
    scenarios: z.number(),
    passed: z.number(),
    failed: z.number(),
    invalid: z.number(),
    expectations: z.strictObject({ passed: z.number(), failed: z.number() }),
    requests: z.number(),
    simulated_ms: z.number(),
    cost_usd: z.number(),
  }),
  scenarios: z.array(scenarioSchema),
  /** Wall-clock figures, left out with `--no-timing` so reports compare byte for byte. */
  timing: z.strictObject({ wall_ms: z.number(), scenarios: z.array(z.strictObject({ file: z.string(), wall_ms: z.number() })) }).optional(),
});

export type JsonReport = z.output<typeof jsonReportSchema>;

/**
 * The JSON Schema of the JSON report (draft-07), as `gateway-sim schema --report` prints it.
 *
 * @example
 * writeFileSync("report.schema.json", JSON.stringify(reportJsonSchema(), null, 2));
 */
export function reportJsonSchema(): Record<string, unknown> {
  const { $schema: _draft, ...json } = z.toJSONSchema(jsonReportSchema, { target: "draft-07" }) as Record<string, unknown>;
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "gateway-sim JSON report",
    description: "The output of `gateway-sim run --reporter json` (version 1): a summary and one entry per scenario, every entry with every key.",
    ...json,
  };
}
