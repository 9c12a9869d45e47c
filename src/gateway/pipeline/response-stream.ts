// Turns provider stream deltas into the OpenAI Responses streaming events (`response.created` …
// `response.completed`), the shape the `openai` SDK's `responses.create({ stream: true })` reads.
import { formatOneLineSseEvent, type SseEvent } from "../../core/sse.js";

/** One event of a Responses stream: always named, its data one line of JSON. */
export interface ResponseEvent extends SseEvent {
  event: string;
}

/** One event type: its name, and the constant pieces its texts begin with (made once, not per event). */
interface EventType {
  readonly name: string;
  /** `{"type":"<name>","sequence_number":` */
  readonly head: string;
  /** `event: <name>\ndata: `, the wire text's head (formatOneLineSseEvent). */
  readonly wireHead: string;
}

const TYPES = new Map<string, EventType>();

function eventType(name: string): EventType {
  // Every name here is a plain identifier, whose JSON is itself in quotes.
  const type = { name, head: `{"type":"${name}","sequence_number":`, wireHead: `event: ${name}\ndata: ` };
  TYPES.set(name, type);
  return type;
}

// The item events carry `JSON.stringify(messageItem(id, text, status))`, written from the text's JSON
// (already made for the text events) rather than building the item and serialising it again.
const ITEM_COMPLETED = `,"status":"completed","role":"assistant","content":[{"type":"output_text","text":`;
const ITEM_INCOMPLETE = `,"status":"incomplete","role":"assistant","content":[{"type":"output_text","text":`;

const CREATED = eventType("response.created");
const IN_PROGRESS = eventType("response.in_progress");
const ITEM_ADDED = eventType("response.output_item.added");
const PART_ADDED = eventType("response.content_part.added");
const TEXT_DELTA = eventType("response.output_text.delta");
const TEXT_DONE = eventType("response.output_text.done");
const PART_DONE = eventType("response.content_part.done");
const ITEM_DONE = eventType("response.output_item.done");
const COMPLETED = eventType("response.completed");
const INCOMPLETE = eventType("response.incomplete");
const ERROR = eventType("error");
const FAILED = eventType("response.failed");

/**
 * Writes one Responses event stream; each call returns the SSE events to send. Each event's data is
 * `JSON.stringify({ type, sequence_number, ...payload })`, written as its type's constant head, the
 * number, and the rest of the members (with the closing brace): every `+` of a long string is a
 * string object of its own, and a stream writes one delta event per upstream chunk.
 */
export class ResponseEventWriter {
  #seq = 0;
  /** The message item's id as JSON. */
  readonly #itemIdJson: string;
  /** `,"item_id":…,"output_index":0,"content_index":0`, the head every text-part event shares. */
  readonly #part: string;
  /** The same with `,"delta":` after it, the head of every delta's own members. */
  readonly #deltaHead: string;

  constructor(id: string) {
    this.#itemIdJson = JSON.stringify(`msg_${id.slice(2)}`);
    this.#part = `,"item_id":${this.#itemIdJson},"output_index":0,"content_index":0`;
    this.#deltaHead = `${this.#part},"delta":`;
  }

  /** `response.created`, `response.in_progress`, the message item and its empty text part. */
  start(snapshot: Record<string, unknown>): ResponseEvent[] {
    // Both snapshot events carry the same response: its JSON is built once.
    const response = `,"response":${JSON.stringify(inProgress(snapshot))}}`;
    return [
      this.#text(CREATED, response),
      this.#text(IN_PROGRESS, response),
      this.#text(ITEM_ADDED, `,"output_index":0,"item":{"type":"message","id":${this.#itemIdJson},"status":"in_progress","role":"assistant","content":[]}}`),
      this.#text(PART_ADDED, `${this.#part},"part":{"type":"output_text","text":"","annotations":[]}}`),
    ];
  }

  delta(text: string): ResponseEvent {
    return this.#text(TEXT_DELTA, `${this.#deltaHead}${JSON.stringify(text)},"logprobs":[]}`);
  }

  /** Closes the text part and the item, then `response.completed` or `response.incomplete`. */
  finish(finalBody: Record<string, unknown>): ResponseEvent[] {
    const text = outputText(finalBody);
    const textJson = JSON.stringify(text);
    const status = finalBody.status === "incomplete" ? "incomplete" : "completed";
    return [
      this.#text(TEXT_DONE, `${this.#part},"text":${textJson},"logprobs":[]}`),
      this.#text(PART_DONE, `${this.#part},"part":{"type":"output_text","text":${textJson},"annotations":[]}}`),
      this.#text(ITEM_DONE, `,"output_index":0,"item":{"type":"message","id":${this.#itemIdJson}${status === "incomplete" ? ITEM_INCOMPLETE : ITEM_COMPLETED}${textJson},"annotations":[]}]}}`),
      this.#text(status === "incomplete" ? INCOMPLETE : COMPLETED, `,"response":${JSON.stringify(finalBody)}}`),
    ];
  }

  /** A mid-stream failure: the Responses `error` event then `response.failed`. */
  fail(snapshot: Record<string, unknown>, code: string, message: string): ResponseEvent[] {
    return [this.#event(ERROR, { code, message, param: null }), this.#event(FAILED, { response: { ...snapshot, status: "failed", error: { code, message } } })];
  }

  /**
   * The text of `JSON.stringify({ type, sequence_number, ...payload })` (no payload here has either
   * key, nor an integer-like key, which the spread would order first), without building the merged
   * object: the spread copy of `response.completed`'s whole body was most of the cost of encoding a stream.
   */
  #event(type: EventType, payload: Record<string, unknown>): ResponseEvent {
    const json = JSON.stringify(payload);
    // `{…}` less its opening brace, after a comma; `}` alone for no members.
    return this.#text(type, json === "{}" ? "}" : `,${json.slice(1)}`);
  }

  /** The event whose members after the sequence number, already JSON, are `rest` (`,"key":value,…}`, or `}` for none). */
  #text(type: EventType, rest: string): ResponseEvent {
    return { event: type.name, data: type.head + this.#seq++ + rest };
  }
}

/**
 * `formatOneLineSseEvent(event.event, event.data)` (the writer's data is JSON, one line by
 * construction), from the type's constant head for the writer's own types.
 *
 * @example
 * wireText({ event: "response.created", data: "{}" }); // "event: response.created\ndata: {}\n\n"
 */
export function wireText(event: ResponseEvent): string {
  const type = TYPES.get(event.event);
  return type === undefined ? formatOneLineSseEvent(event.event, event.data) : `${type.wireHead}${event.data}\n\n`;
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
