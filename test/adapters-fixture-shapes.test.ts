// The SDKs do not validate what they receive, so parsing a fixture proves little about its field
// names. Here every key of every recorded object must be a key of the installed SDK's type for that
// object: the key lists are checked against the SDK types at compile time (`satisfies keyof`), and
// the fixtures against the lists at run time. A misspelled or invented field fails.
import type Anthropic from "@anthropic-ai/sdk";
import type OpenAI from "openai";
import { describe, expect, it } from "vitest";
import { fixtureEvents, fixtureJson, fixtureNames } from "../src/providers/__fixtures__/fixtures.js";
import type { WireFormat } from "../src/providers/wire-formats.js";

type Json = Record<string, unknown>;

const OPENAI = {
  completion: ["id", "choices", "created", "model", "object", "service_tier", "system_fingerprint", "usage"],
  choice: ["finish_reason", "index", "logprobs", "message"],
  message: ["content", "refusal", "role", "annotations", "tool_calls"],
  usage: ["completion_tokens", "prompt_tokens", "total_tokens", "completion_tokens_details", "prompt_tokens_details"],
  chunkChoice: ["delta", "finish_reason", "index", "logprobs"],
  delta: ["content", "refusal", "role"],
  error: ["code", "message", "param", "type"],
} as const satisfies {
  completion: readonly (keyof OpenAI.Chat.ChatCompletion)[];
  choice: readonly (keyof OpenAI.Chat.ChatCompletion.Choice)[];
  message: readonly (keyof OpenAI.Chat.ChatCompletionMessage)[];
  usage: readonly (keyof OpenAI.CompletionUsage)[];
  chunkChoice: readonly (keyof OpenAI.Chat.ChatCompletionChunk.Choice)[];
  delta: readonly (keyof OpenAI.Chat.ChatCompletionChunk.Choice.Delta)[];
  error: readonly (keyof OpenAI.ErrorObject)[];
};
// `obfuscation` is documented (stream_options.include_obfuscation, on by default) but not typed.
const OPENAI_CHUNK_KEYS = [
  ...(["id", "choices", "created", "model", "object", "service_tier", "system_fingerprint", "usage"] as const satisfies readonly (keyof OpenAI.Chat.ChatCompletionChunk)[]),
  "obfuscation",
];

const ANTHROPIC = {
  message: ["id", "content", "model", "role", "stop_details", "stop_reason", "stop_sequence", "type", "usage"],
  usage: ["cache_creation", "cache_creation_input_tokens", "cache_read_input_tokens", "inference_geo", "input_tokens", "output_tokens", "service_tier"],
  textBlock: ["text", "type"],
  toolUseBlock: ["id", "input", "name", "type"],
  errorResponse: ["error", "request_id", "type"],
  messageDelta: ["stop_details", "stop_reason", "stop_sequence"],
  deltaUsage: ["cache_creation_input_tokens", "cache_read_input_tokens", "input_tokens", "output_tokens"],
  event: ["type", "message", "index", "content_block", "delta", "usage"],
} as const satisfies {
  message: readonly (keyof Anthropic.Message)[];
  usage: readonly (keyof Anthropic.Usage)[];
  textBlock: readonly (keyof Anthropic.TextBlock)[];
  toolUseBlock: readonly (keyof Anthropic.ToolUseBlock)[];
  errorResponse: readonly (keyof Anthropic.ErrorResponse)[];
  messageDelta: readonly (keyof Anthropic.RawMessageDeltaEvent.Delta)[];
  deltaUsage: readonly (keyof Anthropic.MessageDeltaUsage)[];
  event: readonly (keyof Anthropic.RawMessageStartEvent | keyof Anthropic.RawContentBlockStartEvent | keyof Anthropic.RawContentBlockDeltaEvent | keyof Anthropic.RawMessageDeltaEvent)[];
};

function unknownKeys(value: unknown, allowed: readonly string[]): string[] {
  return Object.keys(value as Json).filter((key) => !allowed.includes(key));
}

const json = (format: WireFormat, name: string): Json => fixtureJson(format, name) as Json;
const data = (text: string): Json => JSON.parse(text) as Json;

describe("openai-chat fixtures use only the SDK's field names", () => {
  it.each(fixtureNames("openai-chat", "response-"))("%s", (name) => {
    const completion = json("openai-chat", name);
    expect(unknownKeys(completion, OPENAI.completion)).toEqual([]);
    expect(unknownKeys(completion.usage, OPENAI.usage)).toEqual([]);
    for (const choice of completion.choices as Json[]) {
      expect(unknownKeys(choice, OPENAI.choice)).toEqual([]);
      expect(unknownKeys(choice.message, OPENAI.message)).toEqual([]);
    }
  });

  it.each(["stream-basic.sse", "stream-server-error.sse"])("%s", (name) => {
    for (const event of fixtureEvents("openai-chat", name)) {
      if (event.data === "[DONE]") continue;
      const chunk = data(event.data);
      if ("error" in chunk) {
        expect(unknownKeys(chunk.error, OPENAI.error)).toEqual([]);
        continue;
      }
      expect(unknownKeys(chunk, OPENAI_CHUNK_KEYS)).toEqual([]);
      if (chunk.usage) expect(unknownKeys(chunk.usage, OPENAI.usage)).toEqual([]);
      for (const choice of chunk.choices as Json[]) {
        expect(unknownKeys(choice, OPENAI.chunkChoice)).toEqual([]);
        expect(unknownKeys(choice.delta, OPENAI.delta)).toEqual([]);
      }
    }
  });

  it.each(["error-400.json", "error-401.json", "error-404.json", "error-429.json", "error-500.json", "error-503.json"])("%s", (name) => {
    const body = json("openai-chat", name);
    expect(Object.keys(body)).toEqual(["error"]);
    expect(unknownKeys(body.error, OPENAI.error)).toEqual([]);
  });
});

describe("anthropic-messages fixtures use only the SDK's field names", () => {
  function checkMessage(message: Json): void {
    expect(unknownKeys(message, ANTHROPIC.message)).toEqual([]);
    expect(unknownKeys(message.usage, ANTHROPIC.usage)).toEqual([]);
    for (const block of message.content as Json[]) {
      expect(unknownKeys(block, block.type === "tool_use" ? ANTHROPIC.toolUseBlock : ANTHROPIC.textBlock)).toEqual([]);
    }
  }

  it.each(fixtureNames("anthropic-messages", "response-"))("%s", (name) => checkMessage(json("anthropic-messages", name)));

  it.each(["stream-basic.sse", "stream-thinking.sse", "stream-overloaded.sse", "stream-overloaded-mid.sse"])("%s", (name) => {
    for (const event of fixtureEvents("anthropic-messages", name)) {
      const payload = data(event.data);
      // Anthropic names every event after its payload's type.
      expect(event.event).toBe(payload.type);
      if (payload.type === "error") {
        expect(unknownKeys(payload, ANTHROPIC.errorResponse)).toEqual([]);
        continue;
      }
      expect(unknownKeys(payload, ANTHROPIC.event)).toEqual([]);
      if (payload.type === "message_start") checkMessage(payload.message as Json);
      if (payload.type === "message_delta") {
        expect(unknownKeys(payload.delta, ANTHROPIC.messageDelta)).toEqual([]);
        expect(unknownKeys(payload.usage, ANTHROPIC.deltaUsage)).toEqual([]);
      }
    }
  });

  it.each(["400", "401", "403", "404", "413", "429", "500", "529", "400-temperature-2026-10-21"])("error-%s.json", (name) => {
    const body = json("anthropic-messages", `error-${name}.json`);
    expect(unknownKeys(body, ANTHROPIC.errorResponse)).toEqual([]);
    expect(Object.keys(body.error as Json).sort()).toEqual(["message", "type"]);
  });
});
