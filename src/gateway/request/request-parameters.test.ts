import { describe, expect, it } from "vitest";
import { parseResponsesRequest } from "./parse-responses-request.js";
import { requestParameters } from "./request-parameters.js";

function parametersOf(fields: Record<string, unknown>) {
  const parsed = parseResponsesRequest({ model: "openai/gpt-5.4-nano", input: "x", ...fields });
  if (!parsed.ok) throw parsed.error;
  return requestParameters(parsed.request);
}

describe("requestParameters", () => {
  it("is empty for a bare request", () => {
    expect(parametersOf({})).toEqual([]);
  });

  it("names every catalog parameter the request sets, in registry order", () => {
    expect(
      parametersOf({
        seed: 1,
        stop: ["x"],
        reasoning: { effort: "low" },
        tools: [{ type: "function" }],
        response_format: { type: "json_object" },
        max_output_tokens: 10,
        top_p: 0.5,
        temperature: 0,
      }),
    ).toEqual(["temperature", "top_p", "max_output_tokens", "response_format", "tools", "reasoning", "stop", "seed"]);
  });

  it("does not count plain text output, an empty tool list or an empty reasoning object", () => {
    expect(parametersOf({ response_format: { type: "text" }, tools: [], reasoning: {} })).toEqual([]);
  });
});
