import { describe, expect, it } from "vitest";
import type { ErrorDetail } from "../../core/errors.js";
import { parseResponsesRequest, type ParseRequestOptions } from "./parse-responses-request.js";
import type { ResponsesRequest } from "./responses-request-schema.js";

const base = { model: "openai/gpt-5.4-nano", input: "Hi" };

/** The documented contract (fidelity: documented): `preset` selects, unknown sorts are a 400. */
const DOCUMENTED: ParseRequestOptions = { presetField: "select", unknownSort: "reject", unknownFields: "reject" };

function ok(body: Record<string, unknown>, options?: ParseRequestOptions): ResponsesRequest {
  const parsed = parseResponsesRequest(body, options);
  if (!parsed.ok) throw new Error(`expected ok, got ${parsed.error.message}`);
  return parsed.request;
}

function fail(body: unknown, options?: ParseRequestOptions): { code: string; status: number; details: ErrorDetail[]; description: string } {
  const parsed = parseResponsesRequest(body, options);
  if (parsed.ok) throw new Error("expected an error");
  return { code: parsed.error.code, status: parsed.error.status, details: parsed.error.details ?? [], description: parsed.error.message };
}

function at(details: ErrorDetail[], path: string): ErrorDetail | undefined {
  return details.find((d) => d.path === path);
}

describe("parseResponsesRequest: fields", () => {
  it("normalises a minimal request with defaults", () => {
    const request = ok(base);
    expect(request).toMatchObject({ model: "openai/gpt-5.4-nano", input: [{ role: "user", content: "Hi" }], stream: false, meta: false });
    expect(request.pinnedProvider).toBeUndefined();
    expect(request.preset).toBeUndefined();
    expect(request.provider.sort).toBeUndefined();
  });

  it("reads every generation field in camelCase", () => {
    const request = ok({
      ...base,
      instructions: "Be brief.",
      temperature: 0.3,
      top_p: 0.9,
      max_output_tokens: 200,
      stop: "END",
      seed: 7,
      stream: true,
      meta: true,
      reasoning: { effort: "low", max_tokens: 500 },
      response_caching: { enabled: false, ttl_seconds: 60 },
      plugins: [{ id: "response-healing", enabled: true, mode: "strict" }],
      tools: [{ type: "function", name: "lookup" }],
    });
    expect(request).toMatchObject({
      instructions: "Be brief.",
      temperature: 0.3,
      topP: 0.9,
      maxOutputTokens: 200,
      stop: ["END"],
      seed: 7,
      stream: true,
      meta: true,
      reasoning: { effort: "low", maxTokens: 500 },
      responseCaching: { enabled: false, ttlSeconds: 60 },
      plugins: [{ id: "response-healing", enabled: true, mode: "strict" }],
      tools: [{ type: "function", name: "lookup" }],
    });
  });

  it("treats null as not set, as OpenAI's nullable parameters do", () => {
    const request = ok({ ...base, temperature: null, instructions: null, reasoning: null });
    expect(request.temperature).toBeUndefined();
    expect(request.instructions).toBeUndefined();
    expect(request.reasoning).toBeUndefined();
  });

  it.each([
    ["org/model", "openai/gpt-5.4-nano", { model: "openai/gpt-5.4-nano", pinnedProvider: undefined, preset: undefined }],
    ["provider:org/model", "anthropic-us:anthropic/claude-opus-4.6", { model: "anthropic/claude-opus-4.6", pinnedProvider: "anthropic-us", preset: undefined }],
    ["@slug", "@release-summary", { model: undefined, pinnedProvider: undefined, preset: "release-summary", presetSource: "model" }],
  ])("reads model as %s", (_form, model, expected) => {
    expect(ok({ model, input: "x" })).toMatchObject(expected);
  });

  it("documented: accepts preset by field, with or without @", () => {
    expect(ok({ preset: "release-summary", input: "x" }, DOCUMENTED)).toMatchObject({ preset: "release-summary", presetSource: "preset", model: undefined });
    expect(ok({ preset: "@release-summary", input: "x" }, DOCUMENTED).preset).toBe("release-summary");
  });

  it("documented: accepts a preset and a model together (the preset's allowlist judges the model later)", () => {
    expect(ok({ preset: "release-summary", model: "anthropic/claude-sonnet-4.6", input: "x" }, DOCUMENTED)).toMatchObject({ preset: "release-summary", model: "anthropic/claude-sonnet-4.6" });
  });

  it('reference: a body with preset and no model is a 400 whose description names model: "@slug"', () => {
    const error = fail({ preset: "release-summary", input: "x" });
    expect(error.code).toBe("validation_error");
    expect(error.status).toBe(400);
    expect(error.details).toEqual([expect.objectContaining({ path: "model", keyword: "required" })]);
    expect(error.description).toContain('model: "@release-summary"');
    expect(error.description).toContain('"preset" is not read');
  });

  it("reference: preset beside a model is ignored, with a warning naming the @slug form", () => {
    const parsed = parseResponsesRequest({ preset: "release-summary", model: "openai/gpt-5.4-mini", input: "x" });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.request.preset).toBeUndefined();
    expect(parsed.warnings).toEqual([expect.stringContaining('model: "@release-summary"')]);
    expect(parsed.warnings[0]).toContain("NOT applied");
  });

  it("reference: an unread preset field is not validated (any value beside a model is a 200)", () => {
    const parsed = parseResponsesRequest({ preset: { slug: 42 }, model: "openai/gpt-5.4-mini", input: "x" });
    expect(parsed.ok && parsed.request.preset).toBeUndefined();
  });

  it("reference: preset beside model @slug: the model's preset applies", () => {
    const parsed = parseResponsesRequest({ preset: "other", model: "@release-summary", input: "x" });
    if (!parsed.ok) throw new Error(parsed.error.message);
    expect(parsed.request).toMatchObject({ preset: "release-summary", presetSource: "model" });
  });
});

describe("parseResponsesRequest: input items", () => {
  it("maps every OpenAI Responses message shape to chat messages, in order", () => {
    const request = ok({
      ...base,
      input: [
        { role: "developer", content: "Be terse." },
        {
          type: "message",
          role: "user",
          content: [
            { type: "input_text", text: "Part one." },
            { type: "input_text", text: "Part two." },
          ],
        },
        { type: "message", role: "assistant", id: "msg_1", status: "completed", content: [{ type: "output_text", text: "Earlier answer", annotations: [] }] },
        { role: "user", content: "Follow-up" },
      ],
    });
    expect(request.input).toEqual([
      { role: "developer", content: "Be terse." },
      { role: "user", content: "Part one.\nPart two." },
      { role: "assistant", content: "Earlier answer" },
      { role: "user", content: "Follow-up" },
    ]);
  });

  it("names the item and part that are wrong", () => {
    const { details } = fail({
      ...base,
      input: [
        { role: "user", content: "ok" },
        { role: "bot", content: [{ type: "input_image", image_url: "x" }] },
        { type: "function_call", name: "f" },
      ],
    });
    expect(at(details, "input[1].role")?.keyword).toBe("enum");
    expect(at(details, "input[1].content[0].type")?.message).toMatch(/input_text/);
    expect(at(details, "input[2].type")?.message).toMatch(/function_call/);
    // A foreign item type is reported once, not as a missing role and content too.
    expect(at(details, "input[2].role")).toBeUndefined();
  });

  it("requires input, and rejects an empty list or a wrong type", () => {
    expect(at(fail({ model: base.model }).details, "input")?.keyword).toBe("required");
    expect(at(fail({ ...base, input: [] }).details, "input")?.keyword).toBe("minItems");
    expect(at(fail({ ...base, input: 5 }).details, "input")).toEqual({ path: "input", keyword: "type", message: "expected string or array, got number" });
  });
});

describe("parseResponsesRequest: output format", () => {
  const schema = { type: "object", properties: { a: { type: "string" } } };

  it.each([
    ["flat response_format", { response_format: { type: "json_schema", name: "s", schema, strict: true } }],
    ["nested response_format", { response_format: { type: "json_schema", json_schema: { name: "s", schema, strict: true } } }],
    ["text.format", { text: { format: { type: "json_schema", name: "s", schema, strict: true } } }],
  ])("normalises %s", (_name, fields) => {
    expect(ok({ ...base, ...fields }).responseFormat).toEqual({ type: "json_schema", name: "s", schema, strict: true });
  });

  it("accepts json_object and text, and text.verbosity", () => {
    expect(ok({ ...base, response_format: { type: "json_object" } }).responseFormat).toEqual({ type: "json_object" });
    const request = ok({ ...base, text: { format: { type: "text" }, verbosity: "low" } });
    expect(request.responseFormat).toEqual({ type: "text" });
    expect(request.textVerbosity).toBe("low");
  });

  it("rejects both spellings at once, and a json_schema without its schema", () => {
    const both = fail({ ...base, response_format: { type: "json_object" }, text: { format: { type: "json_object" } } });
    expect(at(both.details, "text.format")?.keyword).toBe("conflicting_response_format");
    const missing = fail({ ...base, response_format: { type: "json_schema", name: "s" } });
    expect(at(missing.details, "response_format.schema")).toBeDefined();
    const unknownText = fail({ ...base, text: { fromat: { type: "text" } } });
    expect(at(unknownText.details, "text.fromat")?.keyword).toBe("unknown_parameter");
  });
});

describe("parseResponsesRequest: provider and routing", () => {
  it("accepts snake_case and camelCase alike", () => {
    const snake = ok({ ...base, provider: { allow_fallbacks: false, require_parameters: true, max_price: { prompt: 1 }, preferred_max_latency: 2, preferred_min_throughput: 50 } });
    const camel = ok({ ...base, provider: { allowFallbacks: false, requireParameters: true, maxPrice: { prompt: 1 }, preferredMaxLatency: 2, preferredMinThroughput: 50 } });
    expect(camel.provider).toEqual(snake.provider);
    expect(snake.provider).toMatchObject({ allowFallbacks: false, requireParameters: true, maxPrice: { prompt: 1 }, preferredMaxLatencySeconds: 2, preferredMinThroughputTps: 50 });
  });

  it("merges provider and routing key by key, routing winning", () => {
    const request = ok({ ...base, provider: { only: ["openai", "openai-eu"], sort: "price" }, routing: { sort: "latency", diagnostics: true } });
    expect(request.provider).toMatchObject({ only: ["openai", "openai-eu"], sort: "latency", diagnostics: true });
  });

  it("accepts routing alone", () => {
    expect(ok({ ...base, routing: { order: ["openai-eu"] } }).provider.order).toEqual(["openai-eu"]);
  });

  it.each([
    ["price", "price"],
    ["cost", "price"],
    ["pricing", "price"],
    ["speed", "latency"],
    ["tps", "throughput"],
    [{ by: "cost" }, "price"],
    [{ mode: "latency" }, "latency"],
    [{ metric: "TPS" }, "throughput"],
  ])("reads sort %j as %s", (sort, expected) => {
    expect(ok({ ...base, provider: { sort } }).provider.sort).toBe(expected);
  });

  it.each(["data_collection", "dataCollection", "quantizations", "enforce_distillable_text", "enforceDistillableText"])(
    "rejects the unsupported filter %s: validation_error, keyword unsupported_routing_filter, naming its path",
    (key) => {
      const where = key.startsWith("q") ? "routing" : "provider";
      const value = key === "quantizations" ? ["int8"] : key.startsWith("data") ? "deny" : true;
      const error = fail({ ...base, [where]: { sort: "price", [key]: value } });
      expect(error.code).toBe("validation_error");
      expect(error.status).toBe(400);
      expect(error.details).toEqual([expect.objectContaining({ path: `${where}.${key}`, keyword: "unsupported_routing_filter" })]);
    },
  );
});

describe("parseResponsesRequest: errors", () => {
  it("reference: validation_error (model required) without model", () => {
    const error = fail({ input: "x" });
    expect(error.code).toBe("validation_error");
    expect(error.details).toEqual([expect.objectContaining({ path: "model", keyword: "required" })]);
  });

  it("documented: model_required without model and preset", () => {
    const error = fail({ input: "x" }, DOCUMENTED);
    expect(error.code).toBe("model_required");
    expect(error.details).toEqual([expect.objectContaining({ path: "model", keyword: "model_required" })]);
  });

  it("reports every invalid field at once, with JSON paths and keywords", () => {
    const error = fail(
      {
        input: [
          { role: "user", content: "x" },
          { role: "user", content: 4 },
        ],
        temperature: 3,
        top_p: -1,
        max_output_tokens: 1.5,
        stream: "yes",
        provider: { sort: "fastest", order: "openai" },
        plugins: [{ name: "response-healing" }],
        bogus: true,
      },
      DOCUMENTED,
    );
    expect(error.code).toBe("validation_error");
    const byPath = Object.fromEntries(error.details.map((d) => [d.path, d.keyword]));
    expect(byPath).toMatchObject({
      "input[1].content": "type",
      temperature: "maximum",
      top_p: "minimum",
      max_output_tokens: "type",
      stream: "type",
      "provider.sort": "enum",
      "provider.order": "type",
      "plugins[0].id": "required",
      "plugins[0].name": "unknown_parameter",
      bogus: "unknown_parameter",
      // Missing model is reported alongside the rest rather than on the next attempt.
      model: "model_required",
    });
    expect(error.description).toMatch(/^Invalid request \(11 problems\): /);
  });

  it("checks a known plugin's mode with the plugin registry", () => {
    expect(at(fail({ ...base, plugins: [{ id: "response-healing", mode: "aggressive" }] }).details, "plugins[0].mode")).toBeDefined();
    // Unknown ids are judged later (unknown_gateway_plugin), not as a shape problem.
    expect(ok({ ...base, plugins: [{ id: "no-such-plugin" }] }).plugins).toEqual([{ id: "no-such-plugin" }]);
  });

  it("rejects malformed model references and preset slugs", () => {
    expect(at(fail({ model: "gpt-5.4-nano", input: "x" }).details, "model")?.keyword).toBe("model_format");
    expect(at(fail({ model: "Open AI:openai/gpt", input: "x" }).details, "model")?.keyword).toBe("invalid_provider_slug");
    expect(at(fail({ model: "baseten:/model", input: "x" }).details, "model")?.keyword).toBe("invalid_provider_qualified_model");
    expect(at(fail({ model: "@Bad Slug", input: "x" }).details, "model")?.keyword).toBe("model_format");
    expect(at(fail({ preset: "Bad Slug", input: "x" }, DOCUMENTED).details, "preset")?.keyword).toBe("pattern");
  });

  it("rejects a model @slug that contradicts preset", () => {
    expect(at(fail({ model: "@a", preset: "b", input: "x" }, DOCUMENTED).details, "model")?.keyword).toBe("preset_conflict");
  });

  it.each([null, "text", [1], 3])("rejects a body that is not an object (%j)", (body) => {
    expect(fail(body).details).toEqual([{ path: "", keyword: "type", message: "the request body must be a JSON object" }]);
  });
});

describe("parseResponsesRequest: OpenAI compatibility", () => {
  it("accepts and lists documented OpenAI parameters it ignores", () => {
    const request = ok({ ...base, store: false, metadata: { team: "sre" }, user: "u1", parallel_tool_calls: true, truncation: "auto", previous_response_id: "resp_1" });
    expect(request.ignoredParameters).toEqual(["store", "metadata", "user", "parallel_tool_calls", "truncation", "previous_response_id"]);
  });

  it("documented: rejects undocumented top-level parameters as unknown_parameter", () => {
    const error = fail({ ...base, temprature: 0.2 }, DOCUMENTED);
    expect(error.details).toEqual([{ path: "temprature", keyword: "unknown_parameter", message: 'unknown parameter "temprature"' }]);
    expect(fail({ ...base, provider: { sortt: "price" } }, DOCUMENTED).details).toEqual([expect.objectContaining({ path: "provider.sortt", keyword: "unknown_parameter" })]);
  });

  it("reference: ignores unknown top-level, provider and routing keys (passthrough schemas) and warns, naming each", () => {
    const body = { ...base, temprature: 0.2, provider: { sortt: "price", only: ["openai"] }, routing: { fallback: false } };
    const parsed = parseResponsesRequest(body);
    if (!parsed.ok) throw parsed.error;
    expect(parsed.request).toMatchObject({ temperature: undefined, provider: { only: ["openai"], sort: undefined } });
    expect(parsed.warnings).toEqual([expect.stringContaining('"temprature", "provider.sortt", "routing.fallback"')]);
    // The caller's body is not modified.
    expect(body.provider).toEqual({ sortt: "price", only: ["openai"] });
  });
});
