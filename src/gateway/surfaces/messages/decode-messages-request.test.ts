import { describe, expect, it } from "vitest";
import { decodeMessagesRequest } from "./decode-messages-request.js";

describe("decodeMessagesRequest", () => {
  it("maps system, messages, max_tokens, stop_sequences and output_config.format", () => {
    const schema = { type: "object" };
    const decoded = decodeMessagesRequest({
      model: "acme/m",
      max_tokens: 100,
      system: [{ type: "text", text: "Be brief." }],
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "A" },
            { type: "text", text: "B" },
          ],
        },
      ],
      stop_sequences: ["###"],
      output_config: { format: { type: "json_schema", schema } },
      top_k: 5,
      meta: true,
    });
    expect(decoded).toEqual({
      ok: true,
      body: {
        model: "acme/m",
        meta: true,
        input: [{ role: "user", content: "A\nB" }],
        max_output_tokens: 100,
        instructions: "Be brief.",
        stop: ["###"],
        text: { format: { type: "json_schema", name: "response", schema } },
      },
    });
  });

  it("requires max_tokens, as the Messages API does", () => {
    const decoded = decodeMessagesRequest({ model: "acme/m", messages: [{ role: "user", content: "Hi" }] });
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error.details?.[0]).toMatchObject({ path: "max_tokens", keyword: "required" });
  });
});
