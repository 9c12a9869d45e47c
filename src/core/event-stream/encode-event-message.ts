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
  const entries = Object.entries(headers).map(([name, value]) => [encoder.encode(name), encoder.encode(value)] as const);
  const out = new Uint8Array(entries.reduce((n, [name, value]) => n + 1 + name.length + 3 + value.length, 0));
  let at = 0;
  // Written in place: spreading byte arrays into a number[] made each stream frame several times slower.
  for (const [name, value] of entries) {
    out[at++] = name.length;
    out.set(name, at);
    at += name.length;
    out[at++] = STRING_TYPE;
    out[at++] = value.length >> 8;
    out[at++] = value.length & 0xff;
    out.set(value, at);
    at += value.length;
  }
  return out;
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
