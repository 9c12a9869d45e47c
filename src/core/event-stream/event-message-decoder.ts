// Reads `application/vnd.amazon.eventstream` bytes back into messages, incrementally: bytes arrive
// in any split, both CRCs are checked, and a corrupt frame is an error rather than a guess.
import { crc32 } from "./crc32.js";
import type { EventMessage } from "./encode-event-message.js";

const decoder = new TextDecoder();

/** A frame whose length or checksum does not hold: the stream cannot be read any further. */
export class EventStreamFrameError extends Error {
  override name = "EventStreamFrameError";
}

function readHeaders(bytes: Uint8Array): Record<string, string> {
  const headers: Record<string, string> = {};
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at < bytes.length) {
    const nameLength = bytes[at] as number;
    const name = decoder.decode(bytes.subarray(at + 1, at + 1 + nameLength));
    at += 1 + nameLength;
    const type = bytes[at];
    at += 1;
    // Bedrock sends string headers only; other types (bool, ints, bytes, timestamp, uuid) are skipped by size.
    if (type === 7 || type === 6) {
      const length = view.getUint16(at);
      if (type === 7) headers[name] = decoder.decode(bytes.subarray(at + 2, at + 2 + length));
      at += 2 + length;
    } else if (type === 0 || type === 1) at += 0;
    else if (type === 2) at += 1;
    else if (type === 3) at += 2;
    else if (type === 4) at += 4;
    else if (type === 5 || type === 8) at += 8;
    else if (type === 9) at += 16;
    else throw new EventStreamFrameError(`unknown header value type ${String(type)} for header "${name}"`);
  }
  return headers;
}

/**
 * An incremental decoder: `push` bytes, get whole messages back.
 *
 * @example
 * const messages = new EventMessageDecoder().push(frameBytes); // [{ headers: { ":event-type": "messageStop", … }, payload }]
 */
export class EventMessageDecoder {
  #buffer = new Uint8Array(0);

  push(chunk: Uint8Array): EventMessage[] {
    const joined = new Uint8Array(this.#buffer.length + chunk.length);
    joined.set(this.#buffer);
    joined.set(chunk, this.#buffer.length);
    const messages: EventMessage[] = [];
    let at = 0;
    while (joined.length - at >= 12) {
      const view = new DataView(joined.buffer, joined.byteOffset + at);
      const total = view.getUint32(0);
      const headersLength = view.getUint32(4);
      if (view.getUint32(8) !== crc32(joined.subarray(at, at + 8))) throw new EventStreamFrameError("prelude checksum mismatch");
      if (total < 16 + headersLength) throw new EventStreamFrameError(`frame length ${total} is shorter than its headers`);
      if (joined.length - at < total) break;
      const frame = joined.subarray(at, at + total);
      if (new DataView(frame.buffer, frame.byteOffset).getUint32(total - 4) !== crc32(frame.subarray(0, total - 4))) {
        throw new EventStreamFrameError("message checksum mismatch");
      }
      messages.push({ headers: readHeaders(frame.subarray(12, 12 + headersLength)), payload: frame.slice(12 + headersLength, total - 4) });
      at += total;
    }
    this.#buffer = joined.slice(at);
    return messages;
  }

  /** Bytes of an unfinished frame still held (a stream that ends with some was cut). */
  get pending(): number {
    return this.#buffer.length;
  }
}
