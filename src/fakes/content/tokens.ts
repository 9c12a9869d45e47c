// The one token counter of the fakes: about four characters per token, as OpenAI's rule of thumb
// for English. Generated text, streamed chunks and reported usage all use it, so they agree.

/** Characters per token. */
export const CHARS_PER_TOKEN = 4;

/**
 * Tokens in `text`: ⌈length / 4⌉.
 *
 * @example
 * countTokens("Hello world!"); // 3
 */
export function countTokens(text: string): number {
  return Math.ceil(text.length / CHARS_PER_TOKEN);
}

/**
 * Splits `text` into stream chunks of `tokensPerChunk` tokens each (the last may be shorter).
 *
 * @example
 * chunkText("abcdefghij", 2); // ["abcdefgh", "ij"]
 */
export function chunkText(text: string, tokensPerChunk: number): string[] {
  const size = tokensPerChunk * CHARS_PER_TOKEN;
  const chunks: string[] = [];
  for (let i = 0; i < text.length; i += size) chunks.push(text.slice(i, i + size));
  return chunks;
}
