// The Anthropic Messages wire format as the fakes speak it.
import type { FakeWire, RateLimitSnapshot, WireErrorCase } from "../types.js";
import { anthropicMessageBody, anthropicStreamEvents } from "./bodies.js";
import { anthropicErrorReply, anthropicIssueError } from "./errors.js";
import { anthropicRequestSchema, type AnthropicRequestBody } from "./request-schema.js";

type Content = AnthropicRequestBody["messages"][number]["content"] | AnthropicRequestBody["system"];

function textOf(content: Content): string {
  if (typeof content === "string") return content;
  if (!content) return "";
  return content.map((block) => (block.type === "text" && typeof block.text === "string" ? block.text : "")).join("");
}

function checkHeaders(headers: Headers, apiKey: string | undefined): WireErrorCase | undefined {
  if (apiKey !== undefined) {
    // `x-api-key` is the documented header; the SDK (1.x) sends the same key as a Bearer token.
    const bearer = headers.get("authorization");
    const key = headers.get("x-api-key") ?? (bearer?.startsWith("Bearer ") ? bearer.slice("Bearer ".length).trim() : null);
    if (!key) return { kind: "missing_key" };
    if (key !== apiKey) return { kind: "wrong_key", key };
  }
  return headers.get("anthropic-version") ? undefined : { kind: "missing_version" };
}

/**
 * The Messages fake wire.
 *
 * @example
 * anthropicMessagesWire.parseRequest({ model: "claude-opus-4-6", max_tokens: 100, messages: [{ role: "user", content: "hi" }] }, headers);
 */
export const anthropicMessagesWire: FakeWire = {
  format: "anthropic-messages",
  endpoint: "/v1/messages",
  requestIdHeader: "request-id",
  checkHeaders,
  parseRequest(body, headers) {
    const parsed = anthropicRequestSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: anthropicIssueError(parsed.error.issues[0]!, body) };
    const req = parsed.data;
    if (req.output_format && !(headers.get("anthropic-beta") ?? "").includes("structured-outputs")) {
      return { ok: false, error: { kind: "invalid_request", message: "output_format: Extra inputs are not permitted", param: null, code: null } };
    }
    const schema = req.output_config?.format?.schema ?? req.output_format?.schema;
    const texts = [textOf(req.system), ...req.messages.map((m) => textOf(m.content))].filter((t) => t.length > 0);
    const inputText = texts.join("\n") + (schema ? JSON.stringify(schema) : "");
    return {
      ok: true,
      request: {
        model: req.model,
        stream: req.stream === true,
        includeUsage: true,
        maxTokens: req.max_tokens,
        format: schema ? { type: "json_schema", schema } : { type: "text" },
        inputText,
        messageCount: req.messages.length,
      },
    };
  },
  errorReply: anthropicErrorReply,
  jsonBody: anthropicMessageBody,
  streamEvents: (answer) => anthropicStreamEvents(answer),
  rateLimitHeaders(snapshot: RateLimitSnapshot) {
    const headers: Record<string, string> = {};
    const windows = [
      ["requests", snapshot.requests],
      ["tokens", snapshot.tokens],
      ["input-tokens", snapshot.tokens],
    ] as const;
    for (const [name, window] of windows) {
      if (!window) continue;
      headers[`anthropic-ratelimit-${name}-limit`] = String(window.limit);
      headers[`anthropic-ratelimit-${name}-remaining`] = String(window.remaining);
      headers[`anthropic-ratelimit-${name}-reset`] = new Date(window.resetAt).toISOString();
    }
    return headers;
  },
};
