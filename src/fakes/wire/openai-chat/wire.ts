// The OpenAI Chat Completions wire format as the fakes speak it.
import type { FakeWire, RateLimitSnapshot, WireErrorCase } from "../types.js";
import { openAiCompletionBody, openAiStreamEvents } from "./bodies.js";
import { openAiErrorReply } from "./errors.js";
import { openAiIssueError } from "./issue-message.js";
import { openAiChatRequestSchema, type OpenAiChatRequestBody } from "./request-schema.js";
import { isCommonChatRequest } from "./request-shape-check.js";

/** OpenAI's reset format: "20ms", "1.5s", "6m0s". */
export function formatOpenAiReset(ms: number): string {
  if (ms < 1000) return `${Math.max(0, Math.ceil(ms))}ms`;
  const minutes = Math.floor(ms / 60_000);
  const secs = Number(((ms - minutes * 60_000) / 1000).toFixed(3));
  return minutes > 0 ? `${minutes}m${secs}s` : `${secs}s`;
}

function textOf(content: OpenAiChatRequestBody["messages"][number]["content"]): string {
  if (typeof content === "string") return content;
  if (!content) return "";
  return content.map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : "")).join("");
}

function checkHeaders(headers: Headers, apiKey: string | undefined): WireErrorCase | undefined {
  if (apiKey === undefined) return undefined;
  const auth = headers.get("authorization");
  if (!auth?.startsWith("Bearer ")) return { kind: "missing_key" };
  const key = auth.slice("Bearer ".length).trim();
  return key === apiKey ? undefined : { kind: "wrong_key", key };
}

/**
 * The Chat Completions fake wire.
 *
 * @example
 * const result = openAiChatWire.parseRequest({ model: "gpt-5.4-nano", messages: [{ role: "user", content: "hi" }] }, new Headers());
 */
export const openAiChatWire: FakeWire = {
  format: "openai-chat",
  endpoint: "/chat/completions",
  requestIdHeader: "x-request-id",
  checkHeaders,
  parseRequest(body) {
    let req: OpenAiChatRequestBody;
    // The common text request is checked by hand; anything else gets the schema and its first issue.
    if (isCommonChatRequest(body)) req = body;
    else {
      const parsed = openAiChatRequestSchema.safeParse(body);
      if (!parsed.success) return { ok: false, error: openAiIssueError(parsed.error.issues[0]!, body) };
      req = parsed.data;
    }
    if (req.stream_options && !req.stream) {
      return { ok: false, error: { kind: "invalid_request", message: "The 'stream_options' parameter is only allowed when 'stream' is enabled.", param: "stream_options", code: null } };
    }
    const rf = req.response_format;
    const schema = rf?.type === "json_schema" ? (rf.json_schema.schema ?? {}) : undefined;
    const inputText = req.messages.map((m) => textOf(m.content)).join("\n") + (schema ? JSON.stringify(schema) : "");
    return {
      ok: true,
      request: {
        model: req.model,
        stream: req.stream === true,
        includeUsage: req.stream_options?.include_usage === true,
        maxTokens: req.max_completion_tokens ?? req.max_tokens ?? undefined,
        format: schema ? { type: "json_schema", schema } : rf?.type === "json_object" ? { type: "json_object" } : { type: "text" },
        inputText,
        messageCount: req.messages.length,
      },
    };
  },
  errorReply: openAiErrorReply,
  jsonBody: openAiCompletionBody,
  streamEvents: openAiStreamEvents,
  rateLimitHeaders(snapshot: RateLimitSnapshot) {
    const headers: Record<string, string> = {};
    for (const [name, window] of [
      ["requests", snapshot.requests],
      ["tokens", snapshot.tokens],
    ] as const) {
      if (!window) continue;
      headers[`x-ratelimit-limit-${name}`] = String(window.limit);
      headers[`x-ratelimit-remaining-${name}`] = String(window.remaining);
      headers[`x-ratelimit-reset-${name}`] = formatOpenAiReset(window.resetAt - snapshot.now);
    }
    return headers;
  },
};
