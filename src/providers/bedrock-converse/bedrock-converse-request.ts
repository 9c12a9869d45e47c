// Pure request mapper: UpstreamRequest → POST {baseUrl}/model/{modelId}/converse (or
// /converse-stream), signed with SigV4 at the gateway's clock time.
import type { HttpCall, UpstreamRequest, UpstreamTarget } from "../types.js";
import type { BedrockConverseRequestBody } from "./bedrock-converse-api-types.js";
import { signSigV4 } from "./sign-sigv4.js";

/** Converse has no JSON-object mode; as for Anthropic, the system prompt asks for one. */
export const BEDROCK_JSON_OBJECT_INSTRUCTION = "Respond with a single valid JSON object and nothing else: no prose before or after it, no Markdown code fences.";

/**
 * Builds the Converse call. System and developer messages join the instructions in `system`; a JSON
 * schema goes to `outputConfig.textFormat` as a string, as the API wants it.
 *
 * @example
 * buildBedrockConverseRequest({ model: "anthropic.claude-haiku-4-5-v1:0", messages, stream: false }, { baseUrl, apiKey: "AKID:SECRET", now: 0 }).url;
 * // "https://bedrock-runtime.us-east-1.amazonaws.com/model/anthropic.claude-haiku-4-5-v1%3A0/converse"
 */
export function buildBedrockConverseRequest(request: UpstreamRequest, target: UpstreamTarget): HttpCall {
  const format = request.responseFormat;
  const system = [
    request.instructions,
    ...request.messages.filter((m) => m.role === "system" || m.role === "developer").map((m) => m.content),
    format?.type === "json_object" ? BEDROCK_JSON_OBJECT_INSTRUCTION : undefined,
  ].filter((part): part is string => part !== undefined && part !== "");
  const inference = {
    maxTokens: request.maxOutputTokens,
    temperature: request.temperature,
    topP: request.topP,
    stopSequences: request.stop && request.stop.length > 0 ? request.stop : undefined,
  };
  const body: BedrockConverseRequestBody = {
    messages: request.messages.flatMap((m) => (m.role === "user" || m.role === "assistant" ? [{ role: m.role, content: [{ text: m.content }] }] : [])),
    system: system.length > 0 ? [{ text: system.join("\n\n") }] : undefined,
    inferenceConfig: Object.values(inference).some((v) => v !== undefined) ? inference : undefined,
    outputConfig:
      format?.type === "json_schema"
        ? { textFormat: { type: "json_schema", structure: { jsonSchema: { schema: JSON.stringify(format.schema), name: format.name, description: format.description } } } }
        : undefined,
  };
  const url = `${target.baseUrl.replace(/\/+$/, "")}/model/${encodeURIComponent(request.model)}/${request.stream ? "converse-stream" : "converse"}`;
  const text = JSON.stringify(body);
  const headers = { "content-type": "application/json", accept: request.stream ? "application/vnd.amazon.eventstream" : "application/json" };
  const signed = signSigV4({ url: new URL(url), body: text, now: target.now ?? 0, credentials: target.apiKey, headers });
  return { url, init: { method: "POST", headers: { ...headers, ...signed }, body: text } };
}
