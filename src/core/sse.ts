// The one Server-Sent Events parser and writer of gateway-sim (WHATWG event-stream rules):
// provider adapters, fake providers and the gateway's own streaming all go through it.

/** One dispatched event. `event` is absent for the default "message" type. */
export interface SseEvent {
  event?: string;
  data: string;
  id?: string;
}

/**
 * Incremental parser: feed text as it arrives, get whole events back.
 *
 * @example
 * const parser = new SseParser();
 * parser.push("data: {\"a\":1}\n\n"); // → [{ data: '{"a":1}' }]
 */
export class SseParser {
  #buffer = "";
  /** The data lines of the event being read, joined by LF; undefined before its first one. */
  #data: string | undefined;
  #event: string | undefined;
  #id: string | undefined;

  push(text: string): SseEvent[] {
    const buf = this.#buffer + text;
    const events: SseEvent[] = [];
    let start = 0;
    // Line ends are found with indexOf (not char by char); CR is rare, so its position is kept.
    let cr = buf.indexOf("\r");
    for (;;) {
      if (cr !== -1 && cr < start) cr = buf.indexOf("\r", start);
      const lf = buf.indexOf("\n", start);
      let end: number;
      if (cr !== -1 && (lf === -1 || cr < lf)) {
        // A lone CR at the very end may be the first half of CRLF: wait for more input.
        if (cr + 1 === buf.length) break;
        end = cr;
      } else if (lf !== -1) end = lf;
      else break;
      const event = this.#line(buf.slice(start, end));
      start = end === cr && lf === cr + 1 ? cr + 2 : end + 1;
      if (event) events.push(event);
    }
    this.#buffer = start === 0 ? buf : buf.slice(start);
    return events;
  }

  /** Flushes a final event that lacked its blank line (a stream cut short). */
  end(): SseEvent[] {
    const rest = this.#buffer;
    this.#buffer = "";
    const events = rest.length > 0 ? this.push(`${rest}\n`) : [];
    const last = this.#line("");
    return last ? [...events, last] : events;
  }

  #line(line: string): SseEvent | undefined {
    if (line === "") {
      const data = this.#data;
      if (data === undefined) {
        this.#event = undefined;
        return undefined;
      }
      const event: SseEvent = { data };
      if (this.#event !== undefined) event.event = this.#event;
      if (this.#id !== undefined) event.id = this.#id;
      this.#data = undefined;
      this.#event = undefined;
      return event;
    }
    const colon = line.indexOf(":");
    // A line starting with a colon is a comment.
    if (colon === 0) return undefined;
    const field = colon === -1 ? line : line.slice(0, colon);
    // One space after the colon is not part of the value.
    const value = colon === -1 ? "" : line.slice(line.charCodeAt(colon + 1) === 32 ? colon + 2 : colon + 1);
    if (field === "data") this.#data = this.#data === undefined ? value : `${this.#data}\n${value}`;
    else if (field === "event") this.#event = value;
    else if (field === "id") this.#id = value;
    return undefined;
  }
}

/**
 * Parses a byte stream into events.
 *
 * @example
 * for await (const event of parseSseStream(response.body!)) console.log(event.data);
 */
export async function* parseSseStream(body: ReadableStream<Uint8Array>): AsyncGenerator<SseEvent> {
  const parser = new SseParser();
  const decoder = new TextDecoder();
  const reader = body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      yield* parser.push(decoder.decode(value, { stream: true }));
    }
    yield* parser.push(decoder.decode());
    yield* parser.end();
  } finally {
    reader.releaseLock();
  }
}

/**
 * Serialises one event; multi-line data becomes several `data:` lines.
 *
 * @example
 * formatSseEvent({ event: "message_stop", data: "{}" }); // "event: message_stop\ndata: {}\n\n"
 */
export function formatSseEvent(event: SseEvent): string {
  let out = "";
  if (event.event !== undefined) out += `event: ${event.event}\n`;
  if (event.id !== undefined) out += `id: ${event.id}\n`;
  // JSON data is one line: no split, no array, per event.
  if (!event.data.includes("\n")) return `${out}data: ${event.data}\n\n`;
  for (const line of event.data.split("\n")) out += `data: ${line}\n`;
  return `${out}\n`;
}

/**
 * What {@link formatSseEvent} makes of `{ event, data }` when `data` is one line, without looking:
 * for data known to be one line, such as JSON text (JSON escapes every line break).
 *
 * @example
 * formatOneLineSseEvent("message_stop", "{}"); // "event: message_stop\ndata: {}\n\n"
 */
export function formatOneLineSseEvent(event: string, data: string): string {
  return `event: ${event}\ndata: ${data}\n\n`;
}
