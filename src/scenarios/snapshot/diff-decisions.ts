// A readable diff of two decision lists: the first few requests that differ, field by field.
import { formatOffset } from "../expect/format.js";
import type { Decision } from "./decision.js";

const FIELDS = ["name", "selected", "ranked", "attempts", "healing", "cache", "status", "id", "at"] as const;

function show(value: Decision[(typeof FIELDS)[number]]): string {
  if (Array.isArray(value)) return `[${value.join(", ")}]`;
  if (typeof value === "number") return formatOffset(value);
  return value === null ? "null" : value;
}

/**
 * Lines describing how `actual` differs from `expected`; empty when they match.
 *
 * @example
 * diffDecisions(stored, run, 5);
 * // ["request #3 (G-1a2b at 1m): selected: expected openai, actual openai-eu", …]
 */
export function diffDecisions(expected: readonly Decision[], actual: readonly Decision[], max = 5): string[] {
  const lines: string[] = [];
  if (expected.length !== actual.length) lines.push(`request count: expected ${expected.length}, actual ${actual.length}`);
  let differing = 0;
  const n = Math.max(expected.length, actual.length);
  for (let i = 0; i < n; i++) {
    const e = expected[i];
    const a = actual[i];
    if (!e || !a) continue;
    const fields = FIELDS.filter((f) => show(e[f]) !== show(a[f]));
    if (fields.length === 0) continue;
    differing++;
    if (differing > max) continue;
    const head = `request #${a.i} (${a.id} at ${formatOffset(a.at)})`;
    for (const f of fields) lines.push(`${head}: ${f}: expected ${show(e[f])}, actual ${show(a[f])}`);
  }
  if (differing > max) lines.push(`… and ${differing - max} more differing requests`);
  return lines;
}
