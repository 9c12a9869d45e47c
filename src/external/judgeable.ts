// Which expectations can be judged through an outside gateway. What the client's answers and the
// fakes' journal show is judgeable; what only the gateway's insides record (its routing diagnostics,
// circuit breakers, healing and cache records) is not, and is reported as such with its location.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { type ConfigIssue, parseConfig } from "../core/load-config.js";
import type { CheckFailure } from "../scenarios/expect/result.js";
import { AGGREGATE_CHECKS, type AggregateCheck, type Expectation, PER_REQUEST_CHECKS, type PerRequestCheck } from "../scenarios/schema/expectations.js";

type Check = PerRequestCheck | AggregateCheck;

/** Each check the outside view cannot see, with what it would need. */
export const NOT_JUDGEABLE: Partial<Record<Check, string>> = {
  ranked_order: "the gateway's routing diagnostics (its ranked providers)",
  considered: "the gateway's routing diagnostics (the providers it considered)",
  excluded: "the gateway's routing diagnostics (its filter stages)",
  breaker: "the gateway's circuit-breaker states",
  healing: "the gateway's response-healing records",
  cache: "the gateway's response-cache records",
};

/** An expectation split into what can be evaluated and the checks that cannot. */
export interface JudgeableSplit {
  /** The expectation without its unjudgeable checks; undefined when none is left. */
  judged: Expectation | undefined;
  notJudgeable: Check[];
}

/**
 * @example
 * splitJudgeable({ name: "x", breaker: { provider: "openai", final: "closed" }, client_error_rate: { max: 0 } });
 * // { judged: { name: "x", client_error_rate: { max: 0 } }, notJudgeable: ["breaker"] }
 */
export function splitJudgeable(e: Expectation): JudgeableSplit {
  const checks: Check[] = [...PER_REQUEST_CHECKS, ...AGGREGATE_CHECKS];
  const notJudgeable = checks.filter((c) => e[c] !== undefined && NOT_JUDGEABLE[c] !== undefined);
  if (notJudgeable.length === 0) return { judged: e, notJudgeable };
  const judged: Expectation = { ...e };
  for (const c of notJudgeable) delete judged[c];
  const left = checks.some((c) => judged[c] !== undefined);
  return { judged: left ? judged : undefined, notJudgeable };
}

/**
 * Every unjudgeable check of a scenario file, located at its key (`file:line:column`), and the
 * routing snapshot when the file asks for one.
 *
 * @example
 * notJudgeableIssues("s.yaml", spec.expectations, spec.snapshot).map(formatConfigIssue);
 */
export function notJudgeableIssues(file: string, expectations: readonly Expectation[], snapshot: boolean): ConfigIssue[] {
  const paths: { path: (string | number)[]; message: string }[] = [];
  expectations.forEach((e, i) => {
    for (const check of splitJudgeable(e).notJudgeable) {
      paths.push({ path: ["expectations", i, check], message: `not judgeable through an outside gateway: "${e.name}" needs ${NOT_JUDGEABLE[check] ?? check}` });
    }
  });
  if (snapshot) paths.push({ path: ["snapshot"], message: "not judgeable through an outside gateway: routing snapshots need the gateway's routing decisions" });
  if (paths.length === 0) return [];
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return paths.map((p) => ({ file, line: 1, column: 1, path: p.path.join("."), message: p.message }));
  }
  // The loader's own locator, fed one custom issue per path, places each at its key.
  const located = parseConfig(
    file,
    text,
    z.unknown().superRefine((_v, ctx) => {
      for (const p of paths) ctx.addIssue({ code: "custom", path: p.path, message: p.message });
    }),
  );
  return located.ok ? [] : located.issues;
}

/** The failure an unjudgeable check adds to its expectation's result (it never passes silently). */
export function notJudgeableFailure(check: Check, where: ConfigIssue | undefined): CheckFailure {
  const at = where ? ` (${where.file}:${where.line}:${where.column})` : "";
  return { check, expected: `a verdict on ${NOT_JUDGEABLE[check] ?? check}`, actual: `not judgeable through an outside gateway${at}` };
}
