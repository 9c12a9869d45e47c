// Free-text answers: English prose from faker's word lists, cut to exactly the sampled number of
// tokens. Sentences follow a fixed part-of-speech pattern: cheap enough for 100,000-call runs.
import type { Faker } from "@faker-js/faker";
import { arrayElementOf } from "./seeded-faker.js";
import { CHARS_PER_TOKEN } from "./tokens.js";

const PATTERN = ["adjective", "noun", "adverb", "verb", "preposition", "adjective", "noun"] as const;

type WordLists = readonly [readonly string[], ...(readonly string[])[]];

/** The pattern's word lists per faker: `faker.definitions` is a checking Proxy, read it once per faker, not per call. */
const wordLists = new WeakMap<Faker, WordLists>();

function wordListsOf(faker: Faker): WordLists {
  let lists = wordLists.get(faker);
  if (lists === undefined) {
    const words = faker.definitions.word;
    lists = PATTERN.map((part) => words[part]) as unknown as WordLists;
    wordLists.set(faker, lists);
  }
  return lists;
}

/**
 * Prose of exactly `tokens` tokens by the fakes' counter (4 characters each).
 *
 * @example
 * countTokens(proseOfTokens(faker, 50)); // 50
 */
export function proseOfTokens(faker: Faker, tokens: number): string {
  const length = Math.max(0, Math.round(tokens)) * CHARS_PER_TOKEN;
  const lists = wordListsOf(faker);
  const pick = arrayElementOf(faker);
  let text = "";
  while (text.length < length) {
    // The first word capitalised, the others after a space: what capitalising "w0 w1 … w6 " and
    // dropping its last space gives, without slicing (and so flattening) the sentence.
    const first = pick(lists[0]);
    let sentence = first.charAt(0).toUpperCase() + first.slice(1);
    for (let i = 1; i < lists.length; i++) sentence += ` ${pick(lists[i] as readonly string[])}`;
    text += `${sentence}. `;
  }
  text = text.slice(0, length);
  // A trailing space would look like a missing token to a reader comparing lengths; end on a letter.
  return text.endsWith(" ") ? `${text.slice(0, -1)}.` : text;
}
