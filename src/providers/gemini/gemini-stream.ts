// Stream mapper: parsed `alt=sse` events of streamGenerateContent → StreamDelta. Each event is a
// partial GenerateContentResponse; the one with a finishReason ends the answer (there is no
// `[DONE]`), so a stream cut before it has no `finish`. `data: {"error": …}` is a mid-stream failure.
import { GatewayError } from "../../core/errors.js";
import type { SseEvent } from "../../core/sse.js";
import { decodeJson, mayBeErrorBody, safeParseUpstream, snippet } from "../parse-upstream.js";
import type { StreamDelta } from "../types.js";
import { geminiResponseSchema } from "./gemini-api-types.js";
import { geminiErrorSchema, geminiStreamError } from "./gemini-error.js";
import { geminiText, geminiUsage } from "./gemini-response.js";
import { mapGeminiFinishReason } from "./map-gemini-finish-reason.js";

/**
 * A mapper for one stream. After `finish` or `error`, nothing more.
 *
 * @example
 * const map = createGeminiStreamMapper();
 * map({ data: '{"candidates":[{"content":{"parts":[{"text":"Hi"}]},"finishReason":"STOP"}]}' });
 */
export function createGeminiStreamMapper(): (event: SseEvent) => StreamDelta[] {
  let started = false;
  let ended = false;
  return function mapGeminiEvent(event: SseEvent): StreamDelta[] {
    if (ended) return [];
    const json = decodeJson(event.data);
    if (!json.ok) {
      ended = true;
      return [{ type: "error", error: new GatewayError("upstream_invalid_response", `gemini stream event is not valid JSON: ${snippet(event.data)}`) }];
    }
    const failure = mayBeErrorBody(json.value) ? geminiErrorSchema.safeParse(json.value) : undefined;
    if (failure?.success) {
      ended = true;
      return [{ type: "error", error: geminiStreamError(failure.data.error) }];
    }
    const parsed = safeParseUpstream(geminiResponseSchema, json.value, "gemini stream event");
    if (!parsed.ok) {
      ended = true;
      return [{ type: "error", error: parsed.error }];
    }
    const chunk = parsed.value;
    const deltas: StreamDelta[] = [];
    if (!started) {
      started = true;
      deltas.push({ type: "start", id: chunk.responseId, model: chunk.modelVersion });
    }
    const text = geminiText(chunk);
    if (text !== "") deltas.push({ type: "text", text });
    const usage = geminiUsage(chunk);
    if (Object.keys(usage).length > 0) deltas.push({ type: "usage", usage });
    const reason = chunk.candidates?.[0]?.finishReason;
    if (reason !== undefined || chunk.promptFeedback?.blockReason !== undefined) {
      ended = true;
      deltas.push({ type: "finish", finishReason: reason !== undefined ? mapGeminiFinishReason(reason) : "content_filter" });
    }
    return deltas;
  };
}
