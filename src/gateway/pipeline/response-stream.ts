// Turns provider stream deltas into the OpenAI Responses streaming events (`response.created` …
// `response.completed`), the shape the `openai` SDK's `responses.create({ stream: true })` reads.
import type { SseEvent } from "../../core/sse.js";

/** One event of a Responses stream: always named, its data one line of JSON. */
export interface ResponseEvent extends SseEvent {
  event: string;
}

/** Writes one Responses event stream; each call returns the SSE events to send. */
export class ResponseEventWriter {
  #seq = 0;
  /** The message item's id as JSON. */
  readonly #itemIdJson: string;
  /** `"item_id":…,"output_index":0,"content_index":0`, the head every text-part event shares. */
  readonly #partHead: string;

  constructor(id: string) {
    this.#itemIdJson = JSON.stringify(`msg_${id.slice(2)}`);
    this.#partHead = `"item_id":${this.#itemIdJson},"output_index":0,"content_index":0`;
  }

  /** `response.created`, `response.in_progress`, the message item and its empty text part. */
  start(snapshot: Record<string, unknown>): ResponseEvent[] {
    // Both snapshot events carry the same response: its JSON is built once.
    const response = `"response":${JSON.stringify(inProgress(snapshot))}`;
    return [
      this.#text("response.created", response),
      this.#text("response.in_progress", response),
      this.#text("response.output_item.added", `"output_index":0,"item":${this.#itemJson("in_progress", undefined)}`),
      this.#text("response.content_part.added", `${this.#partHead},"part":{"type":"output_text","text":"","annotations":[]}`),
    ];
  }

  delta(text: string): ResponseEvent {
    return this.#text("response.output_text.delta", `${this.#partHead},"delta":${JSON.stringify(text)},"logprobs":[]`);
  }

  /** Closes the text part and the item, then `response.completed` or `response.incomplete`. */
  finish(finalBody: Record<string, unknown>): ResponseEvent[] {
    const text = outputText(finalBody);
    const textJson = JSON.stringify(text);
    const status = finalBody.status === "incomplete" ? "incomplete" : "completed";
    return [
      this.#text("response.output_text.done", `${this.#partHead},"text":${textJson},"logprobs":[]`),
      this.#text("response.content_part.done", `${this.#partHead},"part":{"type":"output_text","text":${textJson},"annotations":[]}`),
      this.#text("response.output_item.done", `"output_index":0,"item":${this.#itemJson(status, textJson)}`),
      this.#text(status === "incomplete" ? "response.incomplete" : "response.completed", `"response":${JSON.stringify(finalBody)}`),
    ];
  }

  /** A mid-stream failure: the Responses `error` event then `response.failed`. */
  fail(snapshot: Record<string, unknown>, code: string, message: string): ResponseEvent[] {
    return [this.#event("error", { code, message, param: null }), this.#event("response.failed", { response: { ...snapshot, status: "failed", error: { code, message } } })];
  }

  /**
   * `JSON.stringify(messageItem(id, text, status))`, written from the text's JSON (already made for the
   * text events) rather than building the item and serialising it again: `undefined` for no content.
   */
  #itemJson(status: "in_progress" | "completed" | "incomplete", textJson: string | undefined): string {
    const content = textJson === undefined ? "[]" : `[{"type":"output_text","text":${textJson},"annotations":[]}]`;
    return `{"type":"message","id":${this.#itemIdJson},"status":"${status}","role":"assistant","content":${content}}`;
  }

  /**
   * The text of `JSON.stringify({ type, sequence_number, ...payload })` (no payload here has either
   * key, nor an integer-like key, which the spread would order first), without building the merged
   * object: the spread copy of `response.completed`'s whole body was most of the cost of encoding a stream.
   */
  #event(type: string, payload: Record<string, unknown>): ResponseEvent {
    const rest = JSON.stringify(payload);
    return this.#text(type, rest === "{}" ? "" : rest.slice(1, -1));
  }

  /** The event whose payload members, already JSON, are `members` (`"key":value,…`, or "" for none). */
  #text(type: string, members: string): ResponseEvent {
    // Every type here is a plain identifier, whose JSON is itself in quotes.
    const head = `{"type":"${type}","sequence_number":${this.#seq++}`;
    return { event: type, data: members === "" ? `${head}}` : `${head},${members}}` };
  }
}

/**
 * `{ ...snapshot, status: "in_progress", output: [] }`, or the snapshot itself when it already is that
 * (the pipeline's always is): the same JSON without the copy.
 */
function inProgress(snapshot: Record<string, unknown>): Record<string, unknown> {
  const output = snapshot.output;
  const ready = snapshot.status === "in_progress" && Array.isArray(output) && output.length === 0 && Object.getPrototypeOf(snapshot) === Object.prototype;
  return ready ? snapshot : { ...snapshot, status: "in_progress", output: [] };
}

function outputText(body: Record<string, unknown>): string {
  const output = body.output;
  if (!Array.isArray(output)) return "";
  const item: unknown = output[0];
  if (typeof item !== "object" || item === null || !("content" in item) || !Array.isArray(item.content)) return "";
  const part: unknown = item.content[0];
  return typeof part === "object" && part !== null && "text" in part && typeof part.text === "string" ? part.text : "";
}
