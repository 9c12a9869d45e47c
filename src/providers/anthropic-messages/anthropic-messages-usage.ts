// Anthropic counts cache reads and writes apart from input_tokens; OpenAI's prompt_tokens includes
// cached tokens. Summing them keeps inputTokens comparable across providers (and prices correct).

/**
 * Total prompt tokens of an Anthropic usage object.
 *
 * @example
 * anthropicInputTokens({ input_tokens: 10, cache_read_input_tokens: 90 }); // 100
 */
export function anthropicInputTokens(usage: { input_tokens: number; cache_creation_input_tokens?: number | null | undefined; cache_read_input_tokens?: number | null | undefined }): number {
  return usage.input_tokens + (usage.cache_creation_input_tokens ?? 0) + (usage.cache_read_input_tokens ?? 0);
}
