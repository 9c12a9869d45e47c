import { describe, expect, it } from "vitest";
import { mutateJson } from "../../../core/__fixtures__/json-mutations.js";
import { createRandomFactory } from "../../../core/random.js";
import { openAiChatRequestSchema } from "./request-schema.js";
import { isCommonChatRequest } from "./request-shape-check.js";
import { openAiChatWire } from "./wire.js";

const random = createRandomFactory("openai-chat-request-shape-check")("test", "mutations");
const pick = <T>(items: readonly T[]): T => random.pick(items);

/** What a mutation puts in place of a field: wrong types, the ranges' edges, roles, nesting. */
const REPLACEMENTS: readonly unknown[] = [
  undefined,
  null,
  "",
  "x",
  "user",
  "tool",
  "assistant",
  0,
  1,
  2,
  2.5,
  -1,
  0.5,
  1.5,
  2 ** 53,
  true,
  false,
  [],
  [{ role: "user", content: "hi" }],
  {},
  { include_usage: true },
  { include_usage: 1 },
];
const EXTRA_KEYS = ["name", "refusal", "tools", "n", "seed", "include_usage", "include_obfuscation", "response_format", "bogus"];

const BODIES = [
  { model: "gpt-5.4-nano", messages: [{ role: "user", content: "Extract the action items." }], stream: false },
  {
    model: "gpt-5.4-nano",
    messages: [
      { role: "system", content: "Be brief." },
      { role: "user", content: "Hi" },
    ],
    stream: true,
    stream_options: { include_usage: true },
    max_completion_tokens: 256,
    temperature: 0.2,
    top_p: 1,
  },
  {
    model: "m",
    messages: [
      { role: "developer", content: "d", name: "n" },
      { role: "assistant", content: "a" },
      { role: "user", content: "u" },
    ],
    max_tokens: 5,
    temperature: null,
  },
];

describe("the fake's hand-written check of common Chat Completions requests", () => {
  it("takes what gateways send most (those never reach the schema)", () => {
    for (const body of BODIES) expect(isCommonChatRequest(body)).toBe(true);
  });

  it("accepts only what the schema accepts, unchanged, over 10,000 seeded mutations", () => {
    let accepted = 0;
    let rejected = 0;
    for (let i = 0; i < 10_000; i++) {
      const body = mutateJson(pick(BODIES), random, { replacements: REPLACEMENTS, extraKeys: EXTRA_KEYS });
      if (!isCommonChatRequest(body)) {
        rejected++;
        continue;
      }
      accepted++;
      const parsed = openAiChatRequestSchema.safeParse(body);
      expect(parsed.success, JSON.stringify(body)).toBe(true);
      // The schema's output is the body itself: reading the body is reading what the schema gives.
      expect(parsed.data).toStrictEqual(body);
    }
    expect(accepted).toBeGreaterThan(1_000);
    expect(rejected).toBeGreaterThan(1_000);
  });

  it("leaves the errors to the schema: a bad request is refused as before", () => {
    const result = openAiChatWire.parseRequest({ model: "gpt-5.4-nano", messages: [{ role: "user", content: "hi" }], temperature: 3 }, new Headers());
    expect(result).toMatchObject({ ok: false, error: { kind: "invalid_request", param: "temperature" } });
  });
});
