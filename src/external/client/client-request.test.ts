import { describe, expect, it } from "vitest";
import { clientRequest } from "./client-request.js";

const target = { url: "http://127.0.0.1:8787/", apiKey: "k", headers: { "x-portkey-config": "{}" } };
const body = { model: "openai/gpt-5.4-nano", instructions: "Be brief.", input: "Extract the items.", max_output_tokens: 50, provider: { sort: "price" } };

function sent(api: "responses" | "chat-completions" | "anthropic-messages", b: Record<string, unknown> = body) {
  const built = clientRequest(b, "r7", { ...target, api });
  if (!built.ok) throw new Error(built.message);
  return { url: built.call.url, headers: built.call.init.headers, body: JSON.parse(built.call.init.body) as Record<string, unknown> };
}

describe("clientRequest", () => {
  it("translates to chat-completions with the marker in the last user message and the header", () => {
    const call = sent("chat-completions");
    expect(call.url).toBe("http://127.0.0.1:8787/v1/chat/completions");
    expect(call.body).toEqual({
      model: "openai/gpt-5.4-nano",
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "Extract the items. [gsim:r7]" },
      ],
      max_completion_tokens: 50,
    });
    expect(call.headers).toMatchObject({ "x-gateway-sim-request": "r7", "x-portkey-config": "{}", authorization: "Bearer k" });
  });

  it("translates to anthropic-messages (system lifted out, max_tokens set)", () => {
    const call = sent("anthropic-messages");
    expect(call.url).toBe("http://127.0.0.1:8787/v1/messages");
    expect(call.body).toMatchObject({ system: "Be brief.", max_tokens: 50, messages: [{ role: "user", content: "Extract the items. [gsim:r7]" }] });
    expect(call.headers).toMatchObject({ "x-api-key": "k" });
  });

  it("sends Responses bodies as written, marker added to the last user item", () => {
    const call = sent("responses", {
      ...body,
      input: [
        { role: "user", content: [{ type: "input_text", text: "First" }] },
        { role: "assistant", content: "Ok" },
      ],
    });
    expect(call.url).toBe("http://127.0.0.1:8787/v1/responses");
    expect(call.body.provider).toEqual({ sort: "price" });
    expect(call.body.input).toEqual([
      { role: "user", content: [{ type: "input_text", text: "First [gsim:r7]" }] },
      { role: "assistant", content: "Ok" },
    ]);
  });

  it("refuses to translate a preset request (presets live in the built-in gateway)", () => {
    const built = clientRequest({ model: "@release-summary", input: "x" }, "r1", { ...target, api: "chat-completions" });
    expect(built.ok).toBe(false);
  });
});
