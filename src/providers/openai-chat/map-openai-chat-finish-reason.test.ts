import { describe, expect, it } from "vitest";
import { mapOpenAiChatFinishReason } from "./map-openai-chat-finish-reason.js";

describe("mapOpenAiChatFinishReason", () => {
  it.each([
    ["stop", "stop"],
    ["length", "length"],
    ["content_filter", "content_filter"],
    ["tool_calls", "tool_calls"],
    ["function_call", "tool_calls"],
    ["eos", "other"],
    ["toString", "other"],
    [null, "other"],
    [undefined, "other"],
  ] as const)("%s → %s", (reason, expected) => {
    expect(mapOpenAiChatFinishReason(reason)).toBe(expected);
  });
});
