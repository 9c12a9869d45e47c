// Reads a usage-log export (the gateway's JSON Lines: one UsageRecord, or one reference generation
// record, per line), keeping only the fields incident replay uses; every bad line is reported `file:line`.
import { z } from "zod";
import { ATTEMPT_OUTCOMES, BREAKER_STATES } from "../gateway/types.js";
import { readReferenceLine } from "./read-reference-log.js";

const attemptSchema = z.looseObject({
  provider: z.string().min(1),
  outcome: z.enum(ATTEMPT_OUTCOMES),
  was_probe: z.boolean().optional(),
  status: z.number().int().nullable(),
  duration_ms: z.number().min(0),
  /** Optional: tells a timeout (`upstream_timeout`) from a connection error when no HTTP answer came. */
  error_code: z.string().optional(),
});

const diagnosticsSchema = z.looseObject({
  model: z.string(),
  strategy: z.string(),
  routingMode: z.string().optional(),
  sort: z.string().optional(),
  consideredProviders: z.array(z.string()),
  filterStages: z.array(z.looseObject({ stage: z.string(), dropped: z.array(z.looseObject({ provider: z.string(), reason: z.string() })) })),
  rankedProviders: z.array(
    z.looseObject({
      provider: z.string(),
      rank: z.number(),
      breaker: z.enum(BREAKER_STATES),
      placedBy: z.string(),
      // Optional: the price factors tell what an offer cost when it was only ranked, never billed.
      scoreFactors: z.record(z.string(), z.number()).optional(),
    }),
  ),
});

/** The part of a UsageRecord replay reads. */
export const replayRecordSchema = z.looseObject({
  id: z.string(),
  time_ms: z.number(),
  // Arrival order within the gateway; optional so logs written before it still load.
  seq: z.number().int().min(0).optional(),
  preset: z.string().nullable(),
  model: z.string().nullable(),
  selected_provider: z.string().nullable(),
  status: z.enum(["completed", "incomplete", "failed", "cancelled"]),
  http_status: z.number().int(),
  stream: z.boolean(),
  latency_ms: z.number(),
  ttft_ms: z.number().nullable(),
  throughput_tps: z.number().nullable(),
  usage: z.looseObject({ input_tokens: z.number(), output_tokens: z.number() }),
  cost_usd: z.number(),
  // A hit is replayed with the body of the miss that stored its entry: same key, stored `ageMs` before it.
  response_cache: z.looseObject({ status: z.string(), key: z.string().nullable().optional(), ageMs: z.number().optional() }).nullable(),
  attempts: z.array(attemptSchema),
  routing_diagnostics: diagnosticsSchema.nullable(),
});

export type ReplayRecord = z.output<typeof replayRecordSchema>;
export type ReplayAttempt = ReplayRecord["attempts"][number];

export type ReadUsageLogResult = { ok: true; records: ReplayRecord[] } | { ok: false; issues: string[] };

/**
 * Records sorted by arrival (time, then `seq`; the log holds them in completion order).
 *
 * @example
 * const read = readUsageLog("usage.jsonl", readFileSync("usage.jsonl", "utf8"));
 */
export function readUsageLog(file: string, text: string): ReadUsageLogResult {
  const records: ReplayRecord[] = [];
  const issues: string[] = [];
  text.split("\n").forEach((line, i) => {
    if (line.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      issues.push(`${file}:${i + 1}: not JSON`);
      return;
    }
    const parsed = replayRecordSchema.safeParse(value);
    // Not gateway-sim's record: the reference gateway's own generation record, detected by its shape.
    const reading = parsed.success ? ({ ok: true, record: parsed.data } as const) : readReferenceLine(value, parsed.error.issues);
    if (reading.ok) records.push(reading.record);
    else issues.push(`${file}:${i + 1}: ${reading.message}`);
  });
  if (issues.length > 0) return { ok: false, issues };
  if (records.length === 0) return { ok: false, issues: [`${file}: no usage records`] };
  return { ok: true, records: records.sort(byArrival) };
}

/**
 * By arrival time, then `seq` (requests logged in the same millisecond); stable, so records
 * without `seq` (older logs) keep their log order within a millisecond.
 */
export function byArrival(a: Pick<ReplayRecord, "time_ms" | "seq">, b: Pick<ReplayRecord, "time_ms" | "seq">): number {
  return a.time_ms - b.time_ms || (a.seq !== undefined && b.seq !== undefined ? a.seq - b.seq : 0);
}
