// Where a preset's system prompt goes (§2): before the request's instructions, else before its
// first system/developer message, else it becomes the instructions.
import type { ChatMessage } from "../../providers/types.js";

/** The preset prompt and the request's own text are joined by one blank line. */
export const SYSTEM_PROMPT_SEPARATOR = "\n\n";

export interface PromptTarget {
  instructions: string | undefined;
  input: ChatMessage[];
}

/**
 * @example
 * prependSystemPrompt({ instructions: "Be brief.", input }, "You summarise deployments.");
 * // { instructions: "You summarise deployments.\n\nBe brief.", input, applied: true }
 */
export function prependSystemPrompt(target: PromptTarget, systemPrompt: string | undefined): PromptTarget & { applied: boolean } {
  if (systemPrompt === undefined || systemPrompt.trim() === "") return { ...target, applied: false };
  if (target.instructions !== undefined) {
    return { instructions: join(systemPrompt, target.instructions), input: target.input, applied: true };
  }
  const index = target.input.findIndex((message) => message.role === "system" || message.role === "developer");
  if (index === -1) return { instructions: systemPrompt, input: target.input, applied: true };
  const input = target.input.map((message, i) => (i === index ? { ...message, content: join(systemPrompt, message.content) } : message));
  return { instructions: undefined, input, applied: true };
}

function join(prompt: string, own: string): string {
  return own === "" ? prompt : `${prompt}${SYSTEM_PROMPT_SEPARATOR}${own}`;
}
