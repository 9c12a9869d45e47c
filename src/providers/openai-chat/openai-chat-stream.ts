// Stream mapper: parsed SSE events of a Chat Completions stream → StreamDelta. The raw bytes were
// already split into events by src/core/sse.ts; this only reads each event's `data`.
//
// Wire shape: chat.completion.chunk events with `delta.content`, one chunk with `finish_reason`, a
// final usage chunk with empty `choices` (stream_options.include_usage), then `data: [DONE]`.
import { GatewayError } from "../../core/errors.js";
import type { SseEvent } from "../../core/sse.js";
import { mayBeErrorBody, safeParseUpstream, snippet } from "../parse-upstream.js";
import type { FinishReason, StreamDelta } from "../types.js";
import { openAiChatChunkSchema, type OpenAiChatChunk } from "./openai-chat-api-types.js";
import { openAiChatErrorSchema, openAiChatStreamError } from "./openai-chat-error.js";
import { mapOpenAiChatFinishReason } from "./map-openai-chat-finish-reason.js";
import { isChatChunk } from "./openai-chat-shape-check.js";

/**
 * A mapper for one stream. The `finish` delta is emitted only at `[DONE]` (the reason having been
 * seen earlier), so a caller can tell a complete stream from one cut short: no `finish`, no end.
 * After `finish` or an `error` delta every further event maps to nothing.
 *
 * @example
 * const map = createOpenAiChatStreamMapper();
 * map({ data: "[DONE]" }); // [{ type: "finish", finishReason: "other" }]
 */
export function createOpenAiChatStreamMapper(): (event: SseEvent) => StreamDelta[] {
  let started = false;
  let ended = false;
  let finishReason: FinishReason | undefined;
  let sawContent = false;
  let sawRefusal = false;

  function mapChunk(chunk: OpenAiChatChunk): StreamDelta[] {
    // Most chunks give one delta: a one-element literal, not an empty array grown by push.
    let deltas: StreamDelta[] | undefined;
    if (!started) {
      started = true;
      deltas = [{ type: "start", id: chunk.id, model: chunk.model }];
    }
    // n is always 1 for the gateway: only the first choice exists.
    const choice = firstChoice(chunk.choices);
    if (choice?.delta.content) {
      sawContent = true;
      deltas = add(deltas, { type: "text", text: choice.delta.content });
    }
    if (choice?.delta.refusal) {
      sawRefusal = true;
      deltas = add(deltas, { type: "text", text: choice.delta.refusal });
    }
    if (choice?.finish_reason) finishReason = mapOpenAiChatFinishReason(choice.finish_reason);
    if (chunk.usage) {
      deltas = add(deltas, { type: "usage", usage: { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens } });
    }
    return deltas ?? [];
  }

  return function mapOpenAiChatEvent(event: SseEvent): StreamDelta[] {
    if (ended) return [];
    if (event.data === "[DONE]") {
      ended = true;
      // Same rule as the non-streamed mapper: a pure refusal is a content filter outcome.
      const reason = sawRefusal && !sawContent ? "content_filter" : (finishReason ?? "other");
      return [{ type: "finish", finishReason: reason }];
    }
    // JSON.parse in place rather than decodeJson: no result object per chunk.
    let json: unknown;
    try {
      json = JSON.parse(event.data);
    } catch {
      return fail(new GatewayError("upstream_invalid_response", `openai-chat stream event is not valid JSON: ${snippet(event.data)}`));
    }
    // An error payload wins over a chunk, as before; the common chunk is checked by hand.
    if (mayBeErrorBody(json)) {
      const streamError = openAiChatErrorSchema.safeParse(json);
      if (streamError.success) return fail(openAiChatStreamError(streamError.data.error));
    } else if (isChatChunk(json)) return mapChunk(json);
    const chunk = safeParseUpstream(openAiChatChunkSchema, json, "openai-chat stream chunk");
    return chunk.ok ? mapChunk(chunk.value) : fail(chunk.error);
  };

  function fail(error: GatewayError): StreamDelta[] {
    ended = true;
    return [{ type: "error", error }];
  }
}

/** The choice with index 0 (a loop: no closure per chunk). */
function firstChoice(choices: OpenAiChatChunk["choices"]): OpenAiChatChunk["choices"][number] | undefined {
  for (let i = 0; i < choices.length; i++) if (choices[i]?.index === 0) return choices[i];
  return undefined;
}

function add(deltas: StreamDelta[] | undefined, delta: StreamDelta): StreamDelta[] {
  if (deltas === undefined) return [delta];
  deltas.push(delta);
  return deltas;
}
