// Turns provider stream deltas into the OpenAI Responses streaming events (`response.created` …
// `response.completed`), the shape the `openai` SDK's `responses.create({ stream: true })` reads.
import type { SseEvent } from "../../core/sse.js";
import { messageItem } from "./response-body.js";

/** Writes one Responses event stream; each call returns the SSE events to send. */
export class ResponseEventWriter {
  #seq = 0;
  readonly #id: string;
  readonly #itemId: string;

  constructor(id: string) {
    this.#id = id;
    this.#itemId = `msg_${id.slice(2)}`;
  }

  /** `response.created`, `response.in_progress`, the message item and its empty text part. */
  start(snapshot: Record<string, unknown>): SseEvent[] {
    const inProgress = { ...snapshot, status: "in_progress", output: [] };
    return [
      this.#event("response.created", { response: inProgress }),
      this.#event("response.in_progress", { response: inProgress }),
      this.#event("response.output_item.added", { output_index: 0, item: messageItem(this.#id, "", "in_progress") }),
      this.#event("response.content_part.added", {
        item_id: this.#itemId,
        output_index: 0,
        content_index: 0,
        part: { type: "output_text", text: "", annotations: [] },
      }),
    ];
  }

  delta(text: string): SseEvent {
    return this.#event("response.output_text.delta", { item_id: this.#itemId, output_index: 0, content_index: 0, delta: text, logprobs: [] });
  }

  /** Closes the text part and the item, then `response.completed` or `response.incomplete`. */
  finish(finalBody: Record<string, unknown>): SseEvent[] {
    const text = outputText(finalBody);
    const status = finalBody.status === "incomplete" ? "incomplete" : "completed";
    return [
      this.#event("response.output_text.done", { item_id: this.#itemId, output_index: 0, content_index: 0, text, logprobs: [] }),
      this.#event("response.content_part.done", {
        item_id: this.#itemId,
        output_index: 0,
        content_index: 0,
        part: { type: "output_text", text, annotations: [] },
      }),
      this.#event("response.output_item.done", { output_index: 0, item: messageItem(this.#id, text, status) }),
      this.#event(status === "incomplete" ? "response.incomplete" : "response.completed", { response: finalBody }),
    ];
  }

  /** A mid-stream failure: the Responses `error` event then `response.failed`. */
  fail(snapshot: Record<string, unknown>, code: string, message: string): SseEvent[] {
    return [this.#event("error", { code, message, param: null }), this.#event("response.failed", { response: { ...snapshot, status: "failed", error: { code, message } } })];
  }

  /**
   * The text of `JSON.stringify({ type, sequence_number, ...payload })` (no payload here has either
   * key, nor an integer-like key, which the spread would order first), without building the merged
   * object: the spread copy of `response.completed`'s whole body was most of the cost of encoding a stream.
   */
  #event(type: string, payload: Record<string, unknown>): SseEvent {
    const rest = JSON.stringify(payload);
    const head = `{"type":${JSON.stringify(type)},"sequence_number":${this.#seq++}`;
    return { event: type, data: rest === "{}" ? `${head}}` : `${head},${rest.slice(1)}` };
  }
}

function outputText(body: Record<string, unknown>): string {
  const output = body.output;
  if (!Array.isArray(output)) return "";
  const item: unknown = output[0];
  if (typeof item !== "object" || item === null || !("content" in item) || !Array.isArray(item.content)) return "";
  const part: unknown = item.content[0];
  return typeof part === "object" && part !== null && "text" in part && typeof part.text === "string" ? part.text : "";
}
