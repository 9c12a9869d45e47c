// Free-text answers: English prose from faker's word lists, cut to exactly the sampled number of
// tokens. Sentences follow a fixed part-of-speech pattern: cheap enough for 100,000-call runs.
import type { Faker } from "@faker-js/faker";
import { arrayElementOf } from "./seeded-faker.js";
import { CHARS_PER_TOKEN } from "./tokens.js";

const PATTERN = ["adjective", "noun", "adverb", "verb", "preposition", "adjective", "noun"] as const;

/**
 * Prose of exactly `tokens` tokens by the fakes' counter (4 characters each).
 *
 * @example
 * countTokens(proseOfTokens(faker, 50)); // 50
 */
export function proseOfTokens(faker: Faker, tokens: number): string {
  const length = Math.max(0, Math.round(tokens)) * CHARS_PER_TOKEN;
  // `faker.definitions` is a checking Proxy: read each word list once, not once per word.
  const words = faker.definitions.word;
  const lists = PATTERN.map((part) => words[part]);
  const pick = arrayElementOf(faker);
  let text = "";
  while (text.length < length) {
    let sentence = "";
    for (const list of lists) sentence += `${pick(list)} `;
    text += `${sentence.charAt(0).toUpperCase()}${sentence.slice(1, -1)}. `;
  }
  text = text.slice(0, length);
  // A trailing space would look like a missing token to a reader comparing lengths; end on a letter.
  return text.endsWith(" ") ? `${text.slice(0, -1)}.` : text;
}
