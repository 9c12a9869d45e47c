// Extended mode's syntax step: the `jsonrepair` library on the extracted window, for what the
// reference transforms cannot fix (quotes, comments, Python literals, raw newlines, missing commas…).
import { jsonrepair } from "jsonrepair";
import type { ExtendedSyntaxRepair } from "../registry.js";
import { onlyBrackets } from "../transforms/json-scanner.js";
import { detectSyntaxRepairs, type RefusedRepair } from "./detect-syntax-repairs.js";

/** Why extended mode would not use jsonrepair's answer. */
export type SyntaxRepairRefusal = RefusedRepair | "no_json_structure" | "ambiguous_window" | "repair_failed";

export type SyntaxRepairResult = { ok: true; value: unknown; repairs: ExtendedSyntaxRepair[] } | { ok: false; refusal: SyntaxRepairRefusal };

/**
 * Repairs `window` with jsonrepair and parses it. Refuses:
 * - when the result is not an object or array (jsonrepair turns plain prose into a string), or the
 *   window is nothing but brackets;
 * - when the repair would invent a value (`{"a":` → `null`) or drop an ellipsis;
 * - when the window was cut out of surrounding text (`cutFromProse`) and needs bare words turned
 *   into strings: a bracketed prose fragment (`[see above]`) looks exactly like that, and guessing the
 *   window and the strings at once is one guess too many.
 *
 * @example
 * repairSyntax("{'summary': 'ok', 'done': True}", false);
 * // { ok: true, value: { summary: "ok", done: true }, repairs: ["normalise_quotes", "python_literals"] }
 */
export function repairSyntax(window: string, cutFromProse: boolean): SyntaxRepairResult {
  if ((!window.includes("{") && !window.includes("[")) || onlyBrackets(window)) return { ok: false, refusal: "no_json_structure" };
  const scan = detectSyntaxRepairs(window);
  if (scan.refusal !== undefined) return { ok: false, refusal: scan.refusal };
  if (cutFromProse && scan.bareValues) return { ok: false, refusal: "ambiguous_window" };
  let value: unknown;
  try {
    value = JSON.parse(jsonrepair(window)) as unknown;
  } catch {
    return { ok: false, refusal: "repair_failed" };
  }
  if (typeof value !== "object" || value === null) return { ok: false, refusal: "no_json_structure" };
  return { ok: true, value, repairs: scan.repairs };
}
