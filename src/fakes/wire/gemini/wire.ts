// The Gemini API (generativelanguage.googleapis.com) as the fakes speak it: the model and the mode
// are in the path, the key in `x-goog-api-key` or `?key=`. Streams are always `alt=sse` events (what
// @google/genai and the gateway ask for); the JSON-array stream Google sends without `alt=sse` is not modelled.
import type { FakeWire, PathRequest, WireErrorCase } from "../types.js";
import { geminiResponseBody, geminiStreamEvents } from "./bodies.js";
import { geminiErrorReply, geminiIssueError } from "./errors.js";
import { openApiToJsonSchema } from "./openapi-schema.js";
import { geminiRequestSchema } from "./request-schema.js";

const PATH = /^\/(v1|v1beta|v1alpha)\/models\/([^/:]+):(generateContent|streamGenerateContent)$/;

/** The model and mode of a Gemini path. */
export function matchGeminiPath(relativePath: string): PathRequest | undefined {
  const match = PATH.exec(relativePath);
  if (!match) return undefined;
  return { model: decodeURIComponent(match[2] as string), stream: match[3] === "streamGenerateContent" };
}

function checkHeaders(headers: Headers, apiKey: string | undefined, url?: URL): WireErrorCase | undefined {
  if (apiKey === undefined) return undefined;
  const key = headers.get("x-goog-api-key") ?? url?.searchParams.get("key");
  if (!key) return { kind: "missing_key" };
  return key === apiKey ? undefined : { kind: "wrong_key", key };
}

const partsText = (parts: readonly { text?: string | undefined }[]) => parts.map((p) => p.text ?? "").join("");

/**
 * The Gemini fake wire.
 *
 * @example
 * geminiWire.matchPath?.("/v1beta/models/gemini-2.5-flash:generateContent", url); // { model: "gemini-2.5-flash", stream: false }
 */
export const geminiWire: FakeWire = {
  format: "gemini",
  endpoint: "/v1beta/models/{model}:generateContent",
  matchPath: (relativePath) => matchGeminiPath(relativePath),
  // Google sends no request-id header of its own; gateway-sim adds one so journals correlate.
  requestIdHeader: "x-request-id",
  checkHeaders,
  parseRequest(body, _headers, path) {
    const parsed = geminiRequestSchema.safeParse(body);
    if (!parsed.success) return { ok: false, error: geminiIssueError(parsed.error.issues[0]!) };
    const req = parsed.data;
    const config = req.generationConfig;
    const schema = config?.responseJsonSchema ?? (config?.responseSchema ? (openApiToJsonSchema(config.responseSchema) as Record<string, unknown>) : undefined);
    if (schema && config?.responseMimeType !== "application/json") {
      const message = "* GenerateContentRequest.generation_config.response_schema: response_mime_type must be set to application/json when response_schema is set.";
      return { ok: false, error: { kind: "invalid_request", message, param: null, code: null } };
    }
    const texts = [req.systemInstruction ? partsText(req.systemInstruction.parts) : "", ...req.contents.map((c) => partsText(c.parts))].filter((t) => t !== "");
    return {
      ok: true,
      request: {
        model: path?.model ?? "",
        stream: path?.stream ?? false,
        includeUsage: true,
        maxTokens: config?.maxOutputTokens,
        format: schema ? { type: "json_schema", schema } : config?.responseMimeType === "application/json" ? { type: "json_object" } : { type: "text" },
        inputText: texts.join("\n") + (schema ? JSON.stringify(schema) : ""),
        messageCount: req.contents.length,
      },
    };
  },
  errorReply: geminiErrorReply,
  jsonBody: geminiResponseBody,
  streamEvents: (answer) => geminiStreamEvents(answer),
  // The Gemini API sends no rate-limit headers: quota state is only in a 429's RetryInfo detail.
  rateLimitHeaders: () => ({}),
  sendsRetryAfter: false,
};
