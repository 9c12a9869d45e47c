// Pure request mapper: UpstreamRequest → POST {baseUrl}/v1beta/models/{model}:generateContent
// (or :streamGenerateContent?alt=sse), key in `x-goog-api-key`.
import type { HttpCall, UpstreamRequest, UpstreamTarget } from "../types.js";
import type { GeminiRequestBody } from "./gemini-api-types.js";

/**
 * Builds the Gemini call. System and developer messages join the instructions in
 * `systemInstruction`; assistant turns are `model` turns. A JSON schema is sent as
 * `responseJsonSchema` (full JSON Schema) rather than `responseSchema`, whose OpenAPI subset rejects
 * keywords such as `additionalProperties` that gateway requests carry; json_object is
 * `responseMimeType: application/json` alone.
 *
 * @example
 * buildGeminiRequest({ model: "gemini-2.5-flash", messages, stream: true }, { baseUrl: "https://generativelanguage.googleapis.com", apiKey }).url;
 * // "https://generativelanguage.googleapis.com/v1beta/models/gemini-2.5-flash:streamGenerateContent?alt=sse"
 */
export function buildGeminiRequest(request: UpstreamRequest, target: UpstreamTarget): HttpCall {
  const format = request.responseFormat;
  const system = [request.instructions, ...request.messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => m.content)].filter(
    (part): part is string => part !== undefined && part !== "",
  );
  const json = format?.type === "json_schema" || format?.type === "json_object";
  const config = {
    maxOutputTokens: request.maxOutputTokens,
    temperature: request.temperature,
    topP: request.topP,
    stopSequences: request.stop && request.stop.length > 0 ? request.stop : undefined,
    responseMimeType: json ? "application/json" : undefined,
    responseJsonSchema: format?.type === "json_schema" ? format.schema : undefined,
  };
  const body: GeminiRequestBody = {
    contents: request.messages.flatMap((m) =>
      m.role === "user" || m.role === "assistant" ? [{ role: m.role === "user" ? ("user" as const) : ("model" as const), parts: [{ text: m.content }] }] : [],
    ),
    systemInstruction: system.length > 0 ? { parts: [{ text: system.join("\n\n") }] } : undefined,
    generationConfig: Object.values(config).some((v) => v !== undefined) ? config : undefined,
  };
  const method = request.stream ? "streamGenerateContent?alt=sse" : "generateContent";
  return {
    url: `${target.baseUrl.replace(/\/+$/, "")}/v1beta/models/${encodeURIComponent(request.model)}:${method}`,
    init: { method: "POST", headers: { "x-goog-api-key": target.apiKey, "content-type": "application/json" }, body: JSON.stringify(body) },
  };
}
