// Where a preset's system prompt goes on /v1/responses (presetMerge.ts:31-36): before the request's
// instructions, joined by a blank line, or, without instructions, it becomes them. System messages
// inside `input` are left alone: `input` is always present, so the reference never reaches them.
import type { ChatMessage } from "../../providers/types.js";

/** The preset prompt and the request's own text are joined by one blank line. */
export const SYSTEM_PROMPT_SEPARATOR = "\n\n";

export interface PromptTarget {
  instructions: string | undefined;
  input: ChatMessage[];
}

/**
 * An empty prompt is skipped (the reference tests it for truthiness; whitespace is applied as written).
 *
 * @example
 * prependSystemPrompt({ instructions: "Be brief.", input }, "You summarise deployments.");
 * // { instructions: "You summarise deployments.\n\nBe brief.", input, applied: true }
 */
export function prependSystemPrompt(target: PromptTarget, systemPrompt: string | undefined): PromptTarget & { applied: boolean } {
  if (systemPrompt === undefined || systemPrompt === "") return { ...target, applied: false };
  const instructions = target.instructions === undefined ? systemPrompt : `${systemPrompt}${SYSTEM_PROMPT_SEPARATOR}${target.instructions}`;
  return { instructions, input: target.input, applied: true };
}
