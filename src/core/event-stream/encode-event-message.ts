// Writes one `application/vnd.amazon.eventstream` message (Bedrock ConverseStream): a 12-byte prelude
// (total length, headers length, prelude CRC-32), string headers, the payload, the message CRC-32.
import { crc32 } from "./crc32.js";

/** An event-stream message with string-valued headers (the only kind Bedrock sends). */
export interface EventMessage {
  headers: Record<string, string>;
  payload: Uint8Array;
}

const encoder = new TextEncoder();
/** Header value type 7: a UTF-8 string with a 2-byte length. */
const STRING_TYPE = 7;

function encodeHeaders(headers: Record<string, string>): Uint8Array {
  const parts: number[] = [];
  for (const [name, value] of Object.entries(headers)) {
    const nameBytes = encoder.encode(name);
    const valueBytes = encoder.encode(value);
    parts.push(nameBytes.length, ...nameBytes, STRING_TYPE, valueBytes.length >> 8, valueBytes.length & 0xff, ...valueBytes);
  }
  return Uint8Array.from(parts);
}

/**
 * One framed message.
 *
 * @example
 * encodeEventMessage({ headers: { ":event-type": "messageStop", ":content-type": "application/json", ":message-type": "event" }, payload });
 */
export function encodeEventMessage(message: EventMessage): Uint8Array {
  const headers = encodeHeaders(message.headers);
  const total = 12 + headers.length + message.payload.length + 4;
  const out = new Uint8Array(total);
  const view = new DataView(out.buffer);
  view.setUint32(0, total);
  view.setUint32(4, headers.length);
  view.setUint32(8, crc32(out.subarray(0, 8)));
  out.set(headers, 12);
  out.set(message.payload, 12 + headers.length);
  view.setUint32(total - 4, crc32(out.subarray(0, total - 4)));
  return out;
}
