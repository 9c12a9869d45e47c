import { describe, expect, it } from "vitest";
import { mutateJson } from "../../core/__fixtures__/json-mutations.js";
import { createRandomFactory } from "../../core/random.js";
import { fixtureJson } from "../__fixtures__/fixtures.js";
import { openAiChatChunkSchema, openAiChatResponseSchema } from "./openai-chat-api-types.js";
import { isChatChunk, isChatCompletion } from "./openai-chat-shape-check.js";

const random = createRandomFactory("openai-chat-shape-check")("test", "mutations");
const pick = <T>(items: readonly T[]): T => random.pick(items);

/** Values a mutation puts in place of a field: wrong types, edge numbers, nulls, nesting. */
const REPLACEMENTS: readonly unknown[] = [undefined, null, "", "x", "chat.completion", "chat.completion.chunk", "assistant", "user", 0, -1, 1.5, -0, 2 ** 53, 7, true, [], [{}], {}, { a: 1 }];

const ANSWERS = [
  fixtureJson("openai-chat", "response-basic.json"),
  { id: "c", object: "chat.completion", model: "m", choices: [{ index: 0, message: { role: "assistant", content: null, refusal: "no" }, finish_reason: null }], usage: null },
  {
    id: "c",
    object: "chat.completion",
    model: "m",
    choices: [
      { index: 0, message: { role: "assistant", content: "a" }, finish_reason: "stop" },
      { index: 1, message: { role: "assistant", content: "b" }, finish_reason: "length" },
    ],
  },
];
const CHUNKS = [
  { id: "c", object: "chat.completion.chunk", model: "m", choices: [{ index: 0, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: null }] },
  { id: "c", object: "chat.completion.chunk", model: "m", choices: [], usage: { prompt_tokens: 3, completion_tokens: 9, total_tokens: 12 } },
  { id: "c", object: "chat.completion.chunk", model: "m", choices: [{ index: 0, delta: { refusal: "no" }, finish_reason: "stop" }], usage: null },
];

describe("the hand-written Chat Completions shape checks", () => {
  it("take the recorded answer and chunks (the common case never reaches the schema)", () => {
    for (const answer of ANSWERS) expect(isChatCompletion(answer)).toBe(true);
    for (const chunk of CHUNKS) expect(isChatChunk(chunk)).toBe(true);
  });

  it("accept only what the zod schemas accept, over 20,000 seeded mutations", () => {
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < 10_000; i++) {
      const answer = mutateJson(pick(ANSWERS), random, { replacements: REPLACEMENTS });
      if (isChatCompletion(answer)) {
        accepted++;
        expect(openAiChatResponseSchema.safeParse(answer).success, JSON.stringify(answer)).toBe(true);
      } else rejected++;
      const chunk = mutateJson(pick(CHUNKS), random, { replacements: REPLACEMENTS });
      if (isChatChunk(chunk)) {
        accepted++;
        expect(openAiChatChunkSchema.safeParse(chunk).success, JSON.stringify(chunk)).toBe(true);
      } else rejected++;
    }
    // Both outcomes occur, so the loop tests something either way.
    expect(accepted).toBeGreaterThan(1_000);
    expect(rejected).toBeGreaterThan(1_000);
  });
});
