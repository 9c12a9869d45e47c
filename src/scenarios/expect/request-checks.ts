// Per-request checks: each compares one field of a usage record with what the expectation says,
// and returns the mismatch as two printable strings.
import type { AttemptRecord, PluginExecution, UsageRecord } from "../../gateway/types.js";
import type { Expectation, PerRequestCheck } from "../schema/expectations.js";
import { show } from "./format.js";

/** Expected against actual, both printable. */
export interface Mismatch {
  expected: string;
  actual: string;
}

type Expected<K extends PerRequestCheck> = Exclude<Expectation[K], undefined>;
type Check<K extends PerRequestCheck> = (expected: Expected<K>, record: UsageRecord) => Mismatch | undefined;

const same = (a: readonly unknown[], b: readonly unknown[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);
const differ = (expected: unknown, actual: unknown): Mismatch => ({ expected: show(expected), actual: show(actual) });

/** `openai retryable_error 503 → openai-eu success 200`. */
export function showAttempts(attempts: readonly AttemptRecord[]): string {
  if (attempts.length === 0) return "(no attempts)";
  return attempts.map((a) => `${a.provider} ${a.outcome} ${a.status ?? "-"}`).join(" → ");
}

/** The response-healing execution of a record, if the plugin ran. */
export function healingExecution(record: UsageRecord): PluginExecution | undefined {
  return record.plugin_executions.find((p) => p.id === "response-healing");
}

/** The failure or skip reason of a plugin execution, wherever the plugin put it. */
export function executionReason(exec: PluginExecution): string | undefined {
  return exec.metadata.failure_reason ?? exec.metadata.reason;
}

function showHealing(exec: PluginExecution | undefined): string {
  if (!exec) return "none (plugin did not run)";
  const reason = executionReason(exec);
  const transforms = exec.metadata.transforms_applied ?? [];
  return `${exec.status}${transforms.length > 0 ? ` [${transforms.join(", ")}]` : ""}${reason ? ` (${reason})` : ""}`;
}

const checkHealing: Check<"healing"> = (expected, record) => {
  const exec = healingExecution(record);
  const want = `${expected.status}${expected.transforms ? ` [${expected.transforms.join(", ")}]` : ""}${expected.reason ? ` (${expected.reason})` : ""}`;
  if (expected.status === "none") return exec ? { expected: "none (plugin did not run)", actual: showHealing(exec) } : undefined;
  const ok =
    exec !== undefined &&
    exec.status === expected.status &&
    (expected.transforms === undefined || same(expected.transforms, exec.metadata.transforms_applied ?? [])) &&
    (expected.reason === undefined || executionReason(exec) === expected.reason) &&
    (expected.healed === undefined || exec.metadata.healed === expected.healed);
  const healed = expected.healed === undefined ? "" : ` healed=${String(expected.healed)}`;
  const actualHealed = expected.healed === undefined || !exec ? "" : ` healed=${String(exec.metadata.healed)}`;
  return ok ? undefined : { expected: want + healed, actual: showHealing(exec) + actualHealed };
};

const checkExcluded: Check<"excluded"> = (expected, record) => {
  const drops = (record.routing_diagnostics?.filterStages ?? []).flatMap((s) => s.dropped);
  const ok = Object.entries(expected).every(([provider, reason]) => drops.some((d) => d.provider === provider && (reason === "*" || d.reason === reason)));
  if (ok) return undefined;
  return {
    expected: Object.entries(expected)
      .map(([p, r]) => `${p}: ${r}`)
      .join(", "),
    actual: drops.length > 0 ? drops.map((d) => `${d.provider}: ${d.reason}`).join(", ") : "(none excluded)",
  };
};

const checkAttempts: Check<"attempts"> = (expected, record) => {
  const actual = record.attempts;
  const ok =
    expected.length === actual.length &&
    expected.every((m, i) => {
      const a = actual[i];
      return (
        a !== undefined &&
        (m.provider === undefined || m.provider === a.provider) &&
        (m.outcome === undefined || m.outcome === a.outcome) &&
        (m.status === undefined || m.status === a.status) &&
        (m.error_code === undefined || m.error_code === a.error_code)
      );
    });
  if (ok) return undefined;
  const want = expected.map((m) => `${m.provider ?? "*"} ${m.outcome ?? "*"} ${m.status === undefined ? "*" : (m.status ?? "-")}`);
  return { expected: want.join(" → "), actual: showAttempts(actual) };
};

const CHECKS: { [K in PerRequestCheck]: Check<K> } = {
  selected_provider: (e, r) => (e === r.selected_provider ? undefined : differ(e, r.selected_provider)),
  ranked_order: (e, r) => {
    const ranked = r.routing_diagnostics?.rankedProviders.map((p) => p.provider);
    if (!ranked) return { expected: show(e), actual: "(no routing diagnostics recorded)" };
    return same(e, ranked) ? undefined : differ(e, ranked);
  },
  considered: (e, r) => {
    const considered = r.routing_diagnostics?.consideredProviders;
    if (!considered) return { expected: show(e), actual: "(no routing diagnostics recorded)" };
    return same([...e].sort(), [...considered].sort()) ? undefined : differ(e, considered);
  },
  excluded: checkExcluded,
  attempts: checkAttempts,
  failover_path: (e, r) => {
    const path = r.attempts.map((a) => a.provider);
    return same(e, path) ? undefined : { expected: e.join(" → "), actual: showAttempts(r.attempts) };
  },
  healing: checkHealing,
  cache: (e, r) => {
    const want = typeof e === "string" ? { status: e, reason: undefined } : e;
    const got = r.response_cache;
    const ok = got !== null && got.status === want.status && (want.reason === undefined || got.reason === want.reason);
    if (ok) return undefined;
    return {
      expected: want.reason ? `${want.status} (${want.reason})` : want.status,
      actual: got ? (got.reason === null ? got.status : `${got.status} (${got.reason})`) : "(no cache info)",
    };
  },
  status: (e, r) => (e === r.status ? undefined : differ(e, r.status)),
  http_status: (e, r) => (e === r.http_status ? undefined : differ(e, r.http_status)),
  error_code: (e, r) => (e === r.error_code ? undefined : differ(e, r.error_code)),
};

/**
 * Runs one per-request check.
 *
 * @example
 * checkRequest("selected_provider", "openai", record); // undefined when it matches
 */
export function checkRequest<K extends PerRequestCheck>(check: K, expected: Expected<K>, record: UsageRecord): Mismatch | undefined {
  return (CHECKS[check] as Check<K>)(expected, record);
}
