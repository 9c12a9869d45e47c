// Pure request mapper: UpstreamRequest → POST {baseUrl}/v1/messages.
import type { HttpCall, UpstreamRequest } from "../types.js";
import type { AnthropicMessagesRequestBody } from "./anthropic-messages-api-types.js";

/**
 * The API version pinned in every Messages request. Anthropic released `2026-10-21` (sent by default
 * by @anthropic-ai/sdk ≥ 1.0, with `Authorization: Bearer`), which removes temperature, top_p and
 * top_k: a request with any of them is a 400 on every model, even at default values. The gateway
 * forwards the request's and the preset's temperature, so it pins `2023-06-01`, which Anthropic
 * still serves and under which everything sent here (output_config included) is valid. Response and
 * stream shapes are the same in both versions. `x-api-key` is accepted by both.
 */
export const ANTHROPIC_VERSION = "2023-06-01";

/** Anthropic requires max_tokens; this applies when the gateway request set no output limit. */
export const DEFAULT_ANTHROPIC_MAX_TOKENS = 4096;

/**
 * The json_object mode has no native equivalent: output_config.format needs a full schema (objects
 * with `additionalProperties: false`), and assistant prefill ("{") is rejected by current models.
 * The request asks for JSON in the system prompt instead; the response-healing plugin still checks it.
 */
export const JSON_OBJECT_INSTRUCTION = "Respond with a single valid JSON object and nothing else: no prose before or after it, no Markdown code fences.";

/**
 * Builds the Messages call. The system prompt joins the gateway's instructions and every system or
 * developer message (the Messages API has no such roles inside `messages`), separated by a blank line.
 *
 * Structured output uses `output_config: {format: {type: "json_schema", schema}}`, the GA form of
 * Anthropic's structured outputs (2026): no beta header. The Nov 2025 beta spelling (`output_format`
 * with `anthropic-beta: structured-outputs-2025-11-13`) is deprecated. The format has no `name` or
 * `strict`: decoding is always constrained, so both are dropped.
 *
 * temperature (0–1 at Anthropic) and top_p are passed through unchanged, so an out-of-range value gets
 * the provider's own 400, as it would in production.
 *
 * @example
 * const call = buildAnthropicMessagesRequest({ model: "claude-sonnet-4-6", messages, stream: true }, { baseUrl, apiKey });
 */
export function buildAnthropicMessagesRequest(request: UpstreamRequest, target: { baseUrl: string; apiKey: string }): HttpCall {
  const format = request.responseFormat;
  const system = [
    request.instructions,
    ...request.messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => m.content),
    format?.type === "json_object" ? JSON_OBJECT_INSTRUCTION : undefined,
  ].filter((part): part is string => part !== undefined && part !== "");
  const body: AnthropicMessagesRequestBody = {
    model: request.model,
    max_tokens: request.maxOutputTokens ?? DEFAULT_ANTHROPIC_MAX_TOKENS,
    system: system.length > 0 ? system.join("\n\n") : undefined,
    messages: request.messages.flatMap((m) => (m.role === "user" || m.role === "assistant" ? [{ role: m.role, content: m.content }] : [])),
    temperature: request.temperature,
    top_p: request.topP,
    stop_sequences: request.stop && request.stop.length > 0 ? request.stop : undefined,
    output_config: format?.type === "json_schema" ? { format: { type: "json_schema", schema: format.schema } } : undefined,
    stream: request.stream ? true : undefined,
  };
  return {
    url: `${target.baseUrl.replace(/\/+$/, "")}/v1/messages`,
    init: {
      method: "POST",
      headers: { "x-api-key": target.apiKey, "anthropic-version": ANTHROPIC_VERSION, "content-type": "application/json" },
      body: JSON.stringify(body),
    },
  };
}
