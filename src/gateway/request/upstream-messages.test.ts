import { describe, expect, it } from "vitest";
import { parseResponsesRequest } from "./parse-responses-request.js";
import { toUpstreamMessages } from "./upstream-messages.js";

describe("toUpstreamMessages", () => {
  it("returns the instructions and the input as chat messages, system turns in place", () => {
    const parsed = parseResponsesRequest({
      model: "openai/gpt-5.4-nano",
      instructions: "Answer in French.",
      input: [
        { role: "system", content: "Context: deploy log." },
        { type: "message", role: "user", content: [{ type: "input_text", text: "Summarise." }] },
      ],
    });
    if (!parsed.ok) throw parsed.error;
    const upstream = toUpstreamMessages(parsed.request);
    expect(upstream).toEqual({
      instructions: "Answer in French.",
      messages: [
        { role: "system", content: "Context: deploy log." },
        { role: "user", content: "Summarise." },
      ],
    });
    // A copy: adapters may not mutate the request through it.
    expect(upstream.messages[0]).not.toBe(parsed.request.input[0]);
  });
});
