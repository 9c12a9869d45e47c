import { describe, expect, it } from "vitest";
import { decodeChatRequest } from "./decode-chat-request.js";

describe("decodeChatRequest", () => {
  it("maps messages, max_completion_tokens over max_tokens, and keeps gateway fields by name", () => {
    const decoded = decodeChatRequest({
      model: "acme/m",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: [{ type: "text", text: "Hi" }] },
        { role: "assistant", content: null },
      ],
      max_tokens: 10,
      max_completion_tokens: 20,
      stream: true,
      stream_options: { include_usage: true },
      presence_penalty: 0.5,
      provider: { sort: "price" },
      response_format: { type: "json_object" },
    });
    expect(decoded).toEqual({
      ok: true,
      includeUsage: true,
      body: {
        model: "acme/m",
        input: [
          { role: "system", content: "Be brief." },
          { role: "user", content: [{ type: "input_text", text: "Hi" }] },
          { role: "assistant", content: "" },
        ],
        max_output_tokens: 20,
        stream: true,
        stream_options: { include_usage: true },
        provider: { sort: "price" },
        response_format: { type: "json_object" },
      },
    });
  });

  it("locates a problem by the chat field's own path", () => {
    const decoded = decodeChatRequest({ model: "acme/m", messages: [] });
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.details?.[0]).toMatchObject({ path: "messages" });
  });
});
