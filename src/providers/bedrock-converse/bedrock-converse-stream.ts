// ConverseStream: the event decoder (event-stream frames → events named by `:event-type`, or by
// `:exception-type` for exceptions) and the mapper from those events to StreamDelta. Wire shape:
// messageStart, contentBlockDelta*, contentBlockStop, messageStop (stopReason), metadata (usage).
import { EventMessageDecoder, EventStreamFrameError } from "../../core/event-stream/event-message-decoder.js";
import { GatewayError } from "../../core/errors.js";
import type { SseEvent } from "../../core/sse.js";
import { decodeJson, safeParseUpstream, snippet } from "../parse-upstream.js";
import type { FinishReason, StreamDelta, StreamEventDecoder } from "../types.js";
import { BEDROCK_STREAM_PAYLOADS, bedrockExceptionSchema } from "./bedrock-converse-api-types.js";
import { bedrockStreamError } from "./bedrock-converse-error.js";
import { bedrockUsage } from "./bedrock-converse-response.js";
import { mapBedrockStopReason } from "./map-bedrock-stop-reason.js";

const text = new TextDecoder();

/** Marks a frame the decoder could not read, for the mapper to fail the stream with. */
export const CORRUPT_FRAME_EVENT = "gateway-sim:corrupt-frame";

/**
 * Decodes event-stream bytes into events named by `:event-type`; an exception message becomes an
 * event named by its `:exception-type` with `id: "exception"`. A frame with a bad checksum becomes one
 * `gateway-sim:corrupt-frame` event (the mapper fails the stream), and nothing is read after it.
 *
 * @example
 * createBedrockEventDecoder().push(bytes); // [{ event: "messageStart", data: '{"role":"assistant"}' }]
 */
export function createBedrockEventDecoder(): StreamEventDecoder {
  const decoder = new EventMessageDecoder();
  let broken = false;
  return {
    push(bytes) {
      if (broken) return [];
      try {
        return decoder.push(bytes).map((m): SseEvent => {
          const type = m.headers[":message-type"] === "exception" ? m.headers[":exception-type"] : m.headers[":event-type"];
          return { event: type ?? "unknown", data: text.decode(m.payload), ...(m.headers[":message-type"] === "exception" ? { id: "exception" } : {}) };
        });
      } catch (error) {
        broken = true;
        return [{ event: CORRUPT_FRAME_EVENT, data: error instanceof EventStreamFrameError ? error.message : String(error) }];
      }
    },
    end: () => [],
  };
}

/**
 * A mapper for one stream; `finish` comes with the final `metadata` event (after messageStop), so
 * a stream cut before it has none.
 *
 * @example
 * const map = createBedrockConverseStreamMapper();
 * map({ event: "contentBlockDelta", data: '{"contentBlockIndex":0,"delta":{"text":"Hi"}}' }); // [{ type: "start", … }, { type: "text", text: "Hi" }]
 */
export function createBedrockConverseStreamMapper(): (event: SseEvent) => StreamDelta[] {
  let started = false;
  let ended = false;
  let finishReason: FinishReason | undefined;
  const fail = (error: GatewayError): StreamDelta[] => {
    ended = true;
    return [{ type: "error", error }];
  };
  return function mapBedrockEvent(event: SseEvent): StreamDelta[] {
    if (ended) return [];
    const type = event.event ?? "";
    if (type === CORRUPT_FRAME_EVENT) return fail(new GatewayError("upstream_invalid_response", `bedrock-converse event stream is corrupt: ${event.data}`));
    const json = decodeJson(event.data);
    if (!json.ok) return fail(new GatewayError("upstream_invalid_response", `bedrock-converse ${type} event is not valid JSON: ${snippet(event.data)}`));
    if (event.id === "exception") {
      const payload = bedrockExceptionSchema.safeParse(json.value);
      return fail(bedrockStreamError(type, payload.success ? payload.data : {}));
    }
    if (!Object.hasOwn(BEDROCK_STREAM_PAYLOADS, type)) return [];
    const key = type as keyof typeof BEDROCK_STREAM_PAYLOADS;
    const parsed = safeParseUpstream(BEDROCK_STREAM_PAYLOADS[key], json.value, `bedrock-converse ${type} event`);
    if (!parsed.ok) return fail(parsed.error);
    const deltas: StreamDelta[] = [];
    if (!started) {
      started = true;
      deltas.push({ type: "start", id: undefined, model: undefined });
    }
    const value = parsed.value as Record<string, unknown>;
    if (key === "contentBlockDelta") {
      const delta = (value as { delta: { text?: string } }).delta;
      if (delta.text) deltas.push({ type: "text", text: delta.text });
    } else if (key === "messageStop") finishReason = mapBedrockStopReason((value as { stopReason: string }).stopReason);
    else if (key === "metadata") {
      ended = true;
      deltas.push({ type: "usage", usage: bedrockUsage((value as { usage: { inputTokens: number; outputTokens: number } }).usage) });
      deltas.push({ type: "finish", finishReason: finishReason ?? "other" });
    }
    return deltas;
  };
}
