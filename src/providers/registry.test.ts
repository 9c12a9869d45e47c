import { describe, expect, it } from "vitest";
import { adapterFor, ADAPTERS } from "./registry.js";
import { WIRE_FORMATS } from "./wire-formats.js";

describe("adapter registry", () => {
  it("has one adapter per wire format, each declaring its own format", () => {
    expect(Object.keys(ADAPTERS).sort()).toEqual([...WIRE_FORMATS].sort());
    for (const format of WIRE_FORMATS) expect(adapterFor(format).format).toBe(format);
  });

  it("routes each format to its own endpoint", () => {
    const request = { model: "m", messages: [{ role: "user" as const, content: "Hi" }], stream: false };
    expect(adapterFor("openai-chat").buildRequest(request, { baseUrl: "https://api.groq.com/openai/v1", apiKey: "k" }).url).toBe("https://api.groq.com/openai/v1/chat/completions");
    expect(adapterFor("anthropic-messages").buildRequest(request, { baseUrl: "https://api.anthropic.com", apiKey: "k" }).url).toBe("https://api.anthropic.com/v1/messages");
  });
});
