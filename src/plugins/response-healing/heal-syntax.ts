// Turns one text block into canonical JSON text the way the reference does (plugins/response-healing.ts:142-197):
// a direct parse of the trimmed text, then the transforms in order, cumulatively, re-parsing after
// each; extended mode (gateway-sim's own) then tries jsonrepair on the extracted window.
import type { FinishReason } from "../../providers/types.js";
import { repairSyntax } from "./extended/repair-syntax.js";
import { STRICT_TRANSFORMS, SYNTAX_TRANSFORMS, type HealingMode, type HealingTransform, type SyntaxTransform } from "./registry.js";
import { spelledBySource } from "./spelled-by-source.js";
import { appendMissingClosers } from "./transforms/append-missing-closers.js";
import { extractJsonWindow } from "./transforms/extract-json-window.js";
import { quoteBareKeys } from "./transforms/quote-bare-keys.js";
import { removeTrailingCommas } from "./transforms/remove-trailing-commas.js";
import { stripMarkdownFence } from "./transforms/strip-markdown-fence.js";

const TRANSFORMS: Record<SyntaxTransform, (text: string) => string> = {
  strip_markdown_fence: stripMarkdownFence,
  extract_json_window: extractJsonWindow,
  remove_trailing_commas: removeTrailingCommas,
  quote_bare_keys: quoteBareKeys,
  append_missing_closers: appendMissingClosers,
};

export type SyntaxHealResult =
  | { ok: true; value: unknown; healed: boolean; transforms: HealingTransform[] }
  | { ok: false; reason: "not_json" | "truncated" | "unrepairable"; transforms: HealingTransform[] };

/**
 * Parses `text`, healing its syntax as far as `mode` allows. With finish reason `length` closers are
 * never appended and any failure is `truncated`; otherwise it is `unrepairable`. A repair whose value
 * names a key or a value the text never spelled (`{“a”: 1}` read as the key `“a”`) is refused as
 * `unrepairable`: gateway-sim's guard against reporting a changed meaning as a heal.
 *
 * @example
 * healSyntax('```json\n{"a": 1,}\n```', "safe", "stop");
 * // { ok: true, value: { a: 1 }, healed: true, transforms: ["strip_markdown_fence", "remove_trailing_commas"] }
 */
export function healSyntax(text: string, mode: HealingMode, finishReason: FinishReason | string | null): SyntaxHealResult {
  const allowClosers = finishReason !== "length";
  const failure = allowClosers ? ("unrepairable" as const) : ("truncated" as const);
  const trimmed = text.trim();
  if (trimmed === "") return { ok: false, reason: "not_json", transforms: [] };
  const direct = tryParse(trimmed);
  if (direct.ok) return { ok: true, value: direct.value, healed: false, transforms: [] };

  const names = (mode === "strict" ? STRICT_TRANSFORMS : SYNTAX_TRANSFORMS).filter((name) => allowClosers || name !== "append_missing_closers");
  const applied: HealingTransform[] = [];
  let candidate = trimmed;
  let window = trimmed;
  for (const name of names) {
    const next = TRANSFORMS[name](candidate);
    if (next !== candidate) {
      applied.push(name);
      candidate = next.trim();
    }
    if (name === "extract_json_window") window = candidate;
    const parsed = tryParse(candidate);
    if (parsed.ok) {
      if (!spelledBySource(trimmed, parsed.value)) return { ok: false, reason: failure, transforms: applied };
      return { ok: true, value: parsed.value, healed: true, transforms: applied };
    }
  }
  if (mode === "extended" && allowClosers) {
    // jsonrepair starts again from the window: the safe transforms only understand double quotes, so
    // their edits on text with other problems are not a reliable base.
    const repaired = repairSyntax(window, applied.includes("extract_json_window"));
    const windowTransforms = applied.filter((name) => name === "strip_markdown_fence" || name === "extract_json_window");
    if (repaired.ok && spelledBySource(trimmed, repaired.value)) {
      return { ok: true, value: repaired.value, healed: true, transforms: [...windowTransforms, ...repaired.repairs] };
    }
  }
  return { ok: false, reason: failure, transforms: applied };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
