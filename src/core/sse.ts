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
  #data: string[] = [];
  #event: string | undefined;
  #id: string | undefined;

  push(text: string): SseEvent[] {
    this.#buffer += text;
    const events: SseEvent[] = [];
    let start = 0;
    for (;;) {
      const nl = this.#nextLineEnd(start);
      if (nl === -1) break;
      const line = this.#buffer.slice(start, nl);
      start = nl + (this.#buffer[nl] === "\r" && this.#buffer[nl + 1] === "\n" ? 2 : 1);
      const event = this.#line(line);
      if (event) events.push(event);
    }
    this.#buffer = this.#buffer.slice(start);
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

  #nextLineEnd(from: number): number {
    const buf = this.#buffer;
    for (let i = from; i < buf.length; i++) {
      const c = buf[i];
      if (c === "\n") return i;
      // A lone CR at the very end may be the first half of CRLF: wait for more input.
      if (c === "\r") return i + 1 < buf.length ? i : -1;
    }
    return -1;
  }

  #line(line: string): SseEvent | undefined {
    if (line === "") {
      if (this.#data.length === 0) {
        this.#event = undefined;
        return undefined;
      }
      const event: SseEvent = { data: this.#data.join("\n") };
      if (this.#event !== undefined) event.event = this.#event;
      if (this.#id !== undefined) event.id = this.#id;
      this.#data = [];
      this.#event = undefined;
      return event;
    }
    if (line.startsWith(":")) return undefined;
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1);
    if (field === "data") this.#data.push(value);
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
