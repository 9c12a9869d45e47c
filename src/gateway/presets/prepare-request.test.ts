import { describe, expect, it } from "vitest";
import { inlinePresetSchema } from "./preset-schema.js";
import { createPresetStore } from "./preset-store.js";
import { prepareRequest } from "./prepare-request.js";

const store = createPresetStore([
  inlinePresetSchema.parse({
    slug: "bulk-backfill",
    models: ["meta/llama-4-maverick"],
    temperature: 0,
    provider: { sort: "throughput", only: ["deepinfra", "together"] },
  }),
]);

describe("prepareRequest", () => {
  it("runs a request without preset straight through", () => {
    const result = prepareRequest({ model: "together:meta/llama-4-maverick", input: "x", top_p: 0.5 }, store);
    if (!result.ok) throw result.error;
    expect(result.prepared).toMatchObject({ model: "meta/llama-4-maverick", pinnedProvider: "together", preset: undefined, presetFilter: {}, parameters: ["top_p"] });
  });

  it("applies the preset and counts its parameters for require_parameters", () => {
    const result = prepareRequest({ model: "@bulk-backfill", input: "x" }, store);
    if (!result.ok) throw result.error;
    expect(result.prepared).toMatchObject({
      model: "meta/llama-4-maverick",
      presetFilter: { allow: ["deepinfra", "together"] },
      parameters: ["temperature"],
      request: { temperature: 0, provider: expect.objectContaining({ sort: "throughput" }) },
    });
    expect(result.prepared.preset?.slug).toBe("bulk-backfill");
  });

  it.each([
    [{ input: "x" }, "model_required"],
    [{ preset: "nope", input: "x" }, "validation_error"],
    [{ preset: "bulk-backfill", model: "openai/gpt-5.4-nano", input: "x" }, "validation_error"],
    [{ model: "openai/gpt-5.4-nano", input: "x", provider: { quantizations: ["fp8"] } }, "unsupported_routing_filter"],
  ])("stops at the first failing stage: %j → %s", (body, code) => {
    const result = prepareRequest(body, store);
    expect(result.ok ? "ok" : result.error.code).toBe(code);
  });
});
