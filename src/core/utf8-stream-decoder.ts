// Decodes a UTF-8 byte stream chunk by chunk with exactly the output of one
// `new TextDecoder().decode(chunk, { stream: true })` per chunk, but without building that decoder
// (an ICU converter, ~2 µs on Node 20) for the common chunk: complete, valid UTF-8.
import { isUtf8 } from "node:buffer";
import { TextDecoder } from "node:util";

/** Non-streaming decodes take Node's UTF-8 fast path; the BOM rule is applied here, per stream. */
const WHOLE = new TextDecoder("utf-8", { ignoreBOM: true });

/**
 * A chunk that is valid UTF-8 on its own decodes the same whole as in a stream, so it goes the
 * fast way while no earlier chunk left half a character behind. Anything else (a character split
 * across chunks, invalid bytes, a leading byte-order mark to strip) goes through a streaming
 * TextDecoder made on first need, until a chunk ending in an ASCII byte has emptied it again.
 *
 * @example
 * const decoder = new Utf8StreamDecoder();
 * decoder.decode(Uint8Array.of(0xe2, 0x82)) + decoder.decode(Uint8Array.of(0xac)); // "€"
 */
export class Utf8StreamDecoder {
  #slow: TextDecoder | undefined;
  /** The streaming decoder may hold the start of a character. */
  #pending = false;
  /** Text came out already: a byte-order mark now is a character, not one to strip. */
  #begun = false;

  decode(bytes: Uint8Array): string {
    let text: string;
    if (!this.#pending && isUtf8(bytes) && (this.#begun || !startsWithBom(bytes))) text = WHOLE.decode(bytes);
    else {
      this.#slow ??= new TextDecoder("utf-8", { ignoreBOM: this.#begun });
      text = this.#slow.decode(bytes, { stream: true });
      // An ASCII byte completes or rejects whatever sequence came before it: nothing is held back.
      if (bytes.length > 0) this.#pending = (bytes[bytes.length - 1] as number) >= 0x80;
    }
    if (text !== "") this.#begun = true;
    return text;
  }

  /** The end of the stream: a character left unfinished becomes U+FFFD, as TextDecoder's flush. */
  end(): string {
    return this.#slow?.decode() ?? "";
  }
}

function startsWithBom(bytes: Uint8Array): boolean {
  return bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}
