// Turns provider text into a JSON value: a direct parse, then the reference transforms in order with a
// re-parse after each (§6), then — extended mode only — jsonrepair on the extracted window.
import type { FinishReason } from "../../providers/types.js";
import { repairSyntax } from "./extended/repair-syntax.js";
import { STRICT_TRANSFORMS, SYNTAX_TRANSFORMS, type HealingMode, type HealingTransform, type SyntaxTransform } from "./registry.js";
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
  | { ok: true; value: unknown; transforms: HealingTransform[] }
  | { ok: false; reason: "truncated" | "unparseable"; transforms: HealingTransform[] };

/**
 * Parses `text`, healing its syntax as far as `mode` allows. Output cut off at `length` never gets
 * closers (nor jsonrepair, which would add them) and fails as `truncated` when it does not parse; a
 * bare number is not trusted either, since a cut can shorten it and still parse.
 *
 * @example
 * healSyntax('```json\n{"a": 1,}\n```', "safe", "stop");
 * // { ok: true, value: { a: 1 }, transforms: ["strip_markdown_fence", "remove_trailing_commas"] }
 */
export function healSyntax(text: string, mode: HealingMode, finishReason: FinishReason): SyntaxHealResult {
  const truncated = finishReason === "length";
  const transforms: HealingTransform[] = [];
  let current = text;
  let parsed = tryParse(current);
  let window = current;
  for (const name of mode === "strict" ? STRICT_TRANSFORMS : SYNTAX_TRANSFORMS) {
    if (parsed.ok) break;
    if (truncated && name === "append_missing_closers") continue;
    const next = TRANSFORMS[name](current);
    if (next !== current) {
      transforms.push(name);
      current = next;
      parsed = tryParse(current);
    }
    if (name === "extract_json_window") window = current;
  }
  if (parsed.ok) {
    if (truncated && typeof parsed.value === "number") return { ok: false, reason: "truncated", transforms };
    return { ok: true, value: parsed.value, transforms };
  }
  if (mode === "extended" && !truncated) {
    // jsonrepair starts again from the window: the safe transforms only understand double quotes, so
    // their edits on text with other problems are not a reliable base.
    const repaired = repairSyntax(window, transforms.includes("extract_json_window"));
    const windowTransforms = transforms.filter((name) => name === "strip_markdown_fence" || name === "extract_json_window");
    if (repaired.ok) return { ok: true, value: repaired.value, transforms: [...windowTransforms, ...repaired.repairs] };
  }
  return { ok: false, reason: truncated ? "truncated" : "unparseable", transforms };
}

function tryParse(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}
