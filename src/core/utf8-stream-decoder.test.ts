import { TextDecoder } from "node:util";
import { describe, expect, it } from "vitest";
import { createRandom } from "./random.js";
import { Utf8StreamDecoder } from "./utf8-stream-decoder.js";

/** What one streaming TextDecoder gives for the chunks, chunk by chunk, then its flush. */
function reference(chunks: readonly Uint8Array[]): string[] {
  const decoder = new TextDecoder();
  return [...chunks.map((chunk) => decoder.decode(chunk, { stream: true })), decoder.decode()];
}

function decoded(chunks: readonly Uint8Array[]): string[] {
  const decoder = new Utf8StreamDecoder();
  return [...chunks.map((chunk) => decoder.decode(chunk)), decoder.end()];
}

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

describe("Utf8StreamDecoder", () => {
  it("joins a character split across chunks", () => {
    const chunks = [bytes(0x61, 0xe2, 0x82), bytes(0xac, 0x62)];
    expect(decoded(chunks)).toEqual(["a", "€b", ""]);
    expect(decoded(chunks)).toEqual(reference(chunks));
  });

  it("strips a byte-order mark only at the very start of the stream, split or not", () => {
    for (const chunks of [
      [utf8("\uFEFFdata: 1\n\n"), utf8("\uFEFFdata: 2\n\n")],
      [bytes(0xef, 0xbb), bytes(0xbf, 0x61), utf8("\uFEFF")],
      [utf8(""), utf8("\uFEFFa")],
      [utf8("a"), utf8("\uFEFFb")],
    ]) {
      expect(decoded(chunks)).toEqual(reference(chunks));
    }
    expect(decoded([utf8("\uFEFFa"), utf8("\uFEFFb")]).join("")).toBe("a\uFEFFb");
  });

  it("replaces invalid bytes and a character cut by the end of the stream as TextDecoder does", () => {
    for (const chunks of [[bytes(0x61, 0x80, 0x62)], [bytes(0xc3)], [bytes(0xf0, 0x9f), bytes(0x61)], [bytes(0xed, 0xa0, 0x80)], [bytes(0xf0, 0x9f, 0x98)]]) {
      expect(decoded(chunks)).toEqual(reference(chunks));
    }
  });

  it("matches a streaming TextDecoder on random byte streams cut at random places", () => {
    const random = createRandom("utf8-stream-decoder.test", "streams");
    const alphabet = [...utf8('data: {"a":"é€😀"}\n\n\uFEFF'), 0x80, 0xbf, 0xc0, 0xc3, 0xe2, 0xed, 0xef, 0xf0, 0xf4, 0xff];
    for (let round = 0; round < 2000; round++) {
      const length = Math.floor(random.next() * 40);
      const all = Uint8Array.from({ length }, () => alphabet[Math.floor(random.next() * alphabet.length)] as number);
      const chunks: Uint8Array[] = [];
      for (let at = 0; at < length; ) {
        const size = Math.floor(random.next() * 8);
        chunks.push(all.subarray(at, at + size));
        at += size;
      }
      expect(decoded(chunks), `round ${round}`).toEqual(reference(chunks));
    }
  });
});
