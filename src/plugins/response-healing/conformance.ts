// The healing conformance run: every schema-valid instance of jsonschemabench-500 corrupted with each
// content fault, healed in each mode; then jsonrepair's own cases in every mode. It counts heal rates
// and FALSE SUCCESSES — an "applied" result whose text fails the schema or is not the original value —
// which must be zero. Run it: `npx tsx src/plugins/response-healing/conformance.ts [corpora-dir]`.
import { pathToFileURL } from "node:url";
import { canonicalJson } from "../../cache/canonical-json.js";
import type { FinishReason } from "../../providers/types.js";
import { validateJson } from "../../structured-output/validate-json.js";
import { DEFAULT_CORPORA_DIR, readBenchRows, readRepairRows, type BenchRow, type RepairRow } from "./conformance-corpora.js";
import { corrupt, CORRUPTION_KINDS, type CorruptionKind } from "./corruptions.js";
import { healingSucceeded, healResponse } from "./heal-response.js";
import { HEALING_MODES, type HealingMode } from "./registry.js";

export type ConformanceCase = "clean" | CorruptionKind;
export const CONFORMANCE_CASES: readonly ConformanceCase[] = ["clean", ...CORRUPTION_KINDS];

export interface FaultTally {
  cases: number;
  healed: number;
  /** Outcome counts: `applied` or the failure reason. */
  outcomes: Record<string, number>;
}

export interface RepairTally {
  okRows: number;
  /** Healed to the value jsonrepair's test expects. */
  agree: number;
  /** Healed to another value (a false success). */
  differ: number;
  declined: number;
  errorRows: number;
  /** Rows jsonrepair refuses that the healer still healed (e.g. by cutting a JSON window out of them). */
  errorRowsHealed: number;
}

export interface FalseSuccess {
  corpus: "jsonschemabench" | "jsonrepair";
  id: string;
  kind: string;
  mode: HealingMode;
  problem: "fails_schema" | "differs_from_original";
}

export interface ConformanceReport {
  corporaDir: string;
  instances: number;
  faults: Record<HealingMode, Record<ConformanceCase, FaultTally>>;
  /** The corpus's own schema-invalid near-misses, sent as they are: a heal must produce a valid value. */
  invalidInstances: Record<HealingMode, FaultTally>;
  jsonrepair: Record<HealingMode, RepairTally>;
  falseSuccesses: FalseSuccess[];
}

/**
 * Runs the conformance over the corpora in `corporaDir` (default `test/fixtures/corpora`).
 *
 * @example
 * const report = runHealingConformance();
 * console.log(formatConformanceReport(report)); // report.falseSuccesses.length === 0
 */
export function runHealingConformance(options: { corporaDir?: string; limit?: number } = {}): ConformanceReport {
  const corporaDir = options.corporaDir ?? DEFAULT_CORPORA_DIR;
  const benchRows = readBenchRows(corporaDir).slice(0, options.limit);
  const report: ConformanceReport = {
    corporaDir,
    instances: 0,
    faults: emptyFaults(),
    invalidInstances: { safe: emptyTally(), strict: emptyTally(), extended: emptyTally() },
    jsonrepair: emptyRepairs(),
    falseSuccesses: [],
  };
  for (const row of benchRows) runBenchRow(row, report);
  for (const row of readRepairRows(corporaDir)) runRepairRow(row, report);
  return report;
}

function runBenchRow(row: BenchRow, report: ConformanceReport): void {
  for (const instance of row.valid) {
    report.instances++;
    for (const kind of CONFORMANCE_CASES) {
      const response = kind === "clean" ? { text: JSON.stringify(instance, null, 2), finishReason: "stop" as const } : corrupt(kind, instance, row.schema);
      if (response === undefined) continue;
      for (const mode of HEALING_MODES) judge(row, { kind, mode, ...response, original: instance }, report.faults[mode][kind], report);
    }
  }
  for (const instance of row.invalid) {
    const text = JSON.stringify(instance, null, 2);
    for (const mode of HEALING_MODES) judge(row, { kind: "corpus_invalid", mode, text, finishReason: "stop" }, report.invalidInstances[mode], report);
  }
}

interface JudgedCase {
  kind: string;
  mode: HealingMode;
  text: string;
  finishReason: FinishReason;
  /** The value a heal must give back; undefined when any schema-valid value is acceptable. */
  original?: unknown;
}

function judge(row: BenchRow, c: JudgedCase, tally: FaultTally, report: ConformanceReport): void {
  const responseFormat = { type: "json_schema" as const, name: "conformance", schema: row.schema };
  const { execution, text } = healResponse({ text: c.text, finishReason: c.finishReason, responseFormat, mode: c.mode, streaming: false });
  tally.cases++;
  // `valid_unchanged`: already valid and compact, left as it was (status skipped, no failure_reason).
  const outcome = execution.status === "applied" ? "applied" : healingSucceeded(execution) ? "valid_unchanged" : String(execution.metadata.failure_reason);
  tally.outcomes[outcome] = (tally.outcomes[outcome] ?? 0) + 1;
  if (execution.status !== "applied") return;
  tally.healed++;
  // Judge the text the client would receive, independently of what the healer says about it.
  const delivered = JSON.parse(text) as unknown;
  let problem: FalseSuccess["problem"] | undefined;
  if (!validateJson(row.schema, delivered).ok) problem = "fails_schema";
  else if ("original" in c && canonicalJson(delivered) !== canonicalJson(c.original)) problem = "differs_from_original";
  if (problem !== undefined) report.falseSuccesses.push({ corpus: "jsonschemabench", id: row.id, kind: c.kind, mode: c.mode, problem });
}

function runRepairRow(row: RepairRow, report: ConformanceReport): void {
  for (const mode of HEALING_MODES) {
    const tally = report.jsonrepair[mode];
    const { execution, text } = healResponse({ text: row.input, finishReason: "stop", responseFormat: { type: "json_object" }, mode, streaming: false });
    const healed = execution.status === "applied";
    if (row.expect === "error" || row.expected === undefined) {
      tally.errorRows++;
      if (healed) tally.errorRowsHealed++;
      continue;
    }
    tally.okRows++;
    if (!healed) tally.declined++;
    else if (canonicalJson(JSON.parse(text)) === canonicalJson(JSON.parse(row.expected))) tally.agree++;
    else {
      tally.differ++;
      report.falseSuccesses.push({ corpus: "jsonrepair", id: row.id, kind: "jsonrepair-case", mode, problem: "differs_from_original" });
    }
  }
}

function emptyTally(): FaultTally {
  return { cases: 0, healed: 0, outcomes: {} };
}

function emptyFaults(): ConformanceReport["faults"] {
  const perMode = (): Record<ConformanceCase, FaultTally> => Object.fromEntries(CONFORMANCE_CASES.map((kind) => [kind, emptyTally()])) as Record<ConformanceCase, FaultTally>;
  return { safe: perMode(), strict: perMode(), extended: perMode() };
}

function emptyRepairs(): ConformanceReport["jsonrepair"] {
  const empty = (): RepairTally => ({ okRows: 0, agree: 0, differ: 0, declined: 0, errorRows: 0, errorRowsHealed: 0 });
  return { safe: empty(), strict: empty(), extended: empty() };
}

const percent = (part: number, whole: number): string => (whole === 0 ? "   -  " : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);

/**
 * The report as a plain-text table.
 *
 * @example
 * process.stdout.write(formatConformanceReport(runHealingConformance()));
 */
export function formatConformanceReport(report: ConformanceReport): string {
  const lines = [`Healing conformance — ${report.instances} schema-valid instances from jsonschemabench-500`, ""];
  lines.push(`${"fault".padEnd(18)}${"cases".padStart(7)}   ${HEALING_MODES.map((m) => m.padStart(8)).join(" ")}`);
  for (const kind of CONFORMANCE_CASES) {
    const cases = report.faults.safe[kind].cases;
    const rates = HEALING_MODES.map((mode) => percent(report.faults[mode][kind].healed, report.faults[mode][kind].cases).padStart(8));
    lines.push(`${kind.padEnd(18)}${String(cases).padStart(7)}   ${rates.join(" ")}`);
  }
  const invalid = HEALING_MODES.map((mode) => percent(report.invalidInstances[mode].healed, report.invalidInstances[mode].cases).padStart(8));
  lines.push(`${"corpus_invalid".padEnd(18)}${String(report.invalidInstances.safe.cases).padStart(7)}   ${invalid.join(" ")}   (the corpus's own near-misses; healed only into a schema-valid value)`);
  lines.push("", "jsonrepair-cases (json_object, finish_reason stop): healed to jsonrepair's value / to another value / declined; error rows healed");
  for (const mode of HEALING_MODES) {
    const t = report.jsonrepair[mode];
    lines.push(`  ${mode.padEnd(9)} ${t.agree}/${t.okRows} agree, ${t.differ} differ, ${t.declined} declined; ${t.errorRowsHealed}/${t.errorRows} error rows healed`);
  }
  lines.push("", `FALSE SUCCESSES: ${report.falseSuccesses.length}`);
  for (const f of report.falseSuccesses.slice(0, 20)) lines.push(`  ${f.corpus} ${f.id} ${f.kind} ${f.mode}: ${f.problem}`);
  return `${lines.join("\n")}\n`;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const report = runHealingConformance(process.argv[2] === undefined ? {} : { corporaDir: process.argv[2] });
  process.stdout.write(formatConformanceReport(report));
  process.exitCode = report.falseSuccesses.length === 0 ? 0 : 1;
}
