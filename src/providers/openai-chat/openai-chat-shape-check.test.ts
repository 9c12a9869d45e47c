import { describe, expect, it } from "vitest";
import { createRandomFactory } from "../../core/random.js";
import { fixtureJson } from "../__fixtures__/fixtures.js";
import { openAiChatChunkSchema, openAiChatResponseSchema } from "./openai-chat-api-types.js";
import { isChatChunk, isChatCompletion } from "./openai-chat-shape-check.js";

const draw = createRandomFactory("openai-chat-shape-check")("test", "mutations");
const random = (): number => draw.next();
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

/** Values a mutation puts in place of a field: wrong types, edge numbers, nulls, nesting. */
const REPLACEMENTS: readonly unknown[] = [undefined, null, "", "x", "chat.completion", "chat.completion.chunk", "assistant", "user", 0, -1, 1.5, -0, 2 ** 53, 7, true, [], [{}], {}, { a: 1 }];

function clone<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** A copy of `value` with one random node replaced, deleted or given an extra key. */
function mutate(value: unknown): unknown {
  const copy = clone(value);
  const nodes: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach((item, i) => (nodes.push({ parent: node, key: i }), walk(item)));
    else if (typeof node === "object" && node !== null) for (const [key, item] of Object.entries(node)) nodes.push({ parent: node as Record<string, unknown>, key }), walk(item);
  };
  walk(copy);
  const target = pick(nodes);
  const roll = random();
  if (Array.isArray(target.parent)) {
    if (roll < 0.3) target.parent.splice(target.key as number, 1);
    else target.parent[target.key as number] = pick(REPLACEMENTS);
  } else if (roll < 0.3) delete target.parent[target.key as string];
  else if (roll < 0.4) target.parent[`extra_${target.key}`] = pick(REPLACEMENTS);
  else target.parent[target.key as string] = pick(REPLACEMENTS);
  return copy;
}

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
      const answer = mutate(pick(ANSWERS));
      if (isChatCompletion(answer)) {
        accepted++;
        expect(openAiChatResponseSchema.safeParse(answer).success, JSON.stringify(answer)).toBe(true);
      } else rejected++;
      const chunk = mutate(pick(CHUNKS));
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
