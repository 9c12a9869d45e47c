// The OpenAI Responses wire format as the fakes speak it (POST /v1/responses). Errors, auth and
// rate-limit headers are the Chat Completions ones: one API, one error body.
import { openAiErrorReply } from "../openai-chat/errors.js";
import { openAiIssueError } from "../openai-chat/issue-message.js";
import { openAiChatWire } from "../openai-chat/wire.js";
import type { FakeWire } from "../types.js";
import { openAiResponseBody, openAiResponsesStreamEvents } from "./bodies.js";
import { openAiResponsesRequestSchema, type OpenAiResponsesRequestBody } from "./request-schema.js";

function inputTextOf(input: OpenAiResponsesRequestBody["input"]): { text: string; messages: number } {
  if (typeof input === "string") return { text: input, messages: 1 };
  const texts: string[] = [];
  for (const item of input) {
    if (!("role" in item)) continue;
    const content = item.content;
    if (typeof content === "string") texts.push(content);
    else if (Array.isArray(content)) texts.push(content.map((p) => ("text" in p && typeof p.text === "string" ? p.text : "")).join(""));
  }
  return { text: texts.join("\n"), messages: input.length };
}

/**
 * The Responses fake wire.
 *
 * @example
 * openAiResponsesWire.parseRequest({ model: "gpt-5.4-nano", input: "hi" }, new Headers());
 */
export const openAiResponsesWire: FakeWire = {
  format: "openai-responses",
  endpoint: "/responses",
  requestIdHeader: "x-request-id",
  checkHeaders: openAiChatWire.checkHeaders,
  parseRequest(body) {
    const parsed = openAiResponsesRequestSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: openAiIssueError(parsed.error.issues[0]!, body) };
    const req = parsed.data;
    const format = req.text?.format;
    const schema = format?.type === "json_schema" ? format.schema : undefined;
    const input = inputTextOf(req.input);
    const inputText = [req.instructions ?? "", input.text].filter((t) => t !== "").join("\n") + (schema ? JSON.stringify(schema) : "");
    return {
      ok: true,
      request: {
        model: req.model,
        stream: req.stream === true,
        // The final `response.completed` always carries usage.
        includeUsage: true,
        maxTokens: req.max_output_tokens ?? undefined,
        format: schema ? { type: "json_schema", schema } : format?.type === "json_object" ? { type: "json_object" } : { type: "text" },
        inputText,
        messageCount: input.messages,
      },
    };
  },
  errorReply: openAiErrorReply,
  jsonBody: (answer) => openAiResponseBody(answer),
  streamEvents: (answer) => openAiResponsesStreamEvents(answer),
  rateLimitHeaders: openAiChatWire.rateLimitHeaders,
};
