// Loaders for the recorded-style provider payloads in this folder (response bodies, error bodies and
// SSE transcripts of each wire format), shared by the adapter tests and the SDK round-trip test.
import { readFileSync } from "node:fs";
import { SseParser, type SseEvent } from "../../core/sse.js";
import type { WireFormat } from "../wire-formats.js";

/**
 * The text of a fixture, e.g. `fixtureText("openai-chat", "stream-basic.sse")`.
 *
 * @example
 * const transcript = fixtureText("anthropic-messages", "stream-basic.sse");
 */
export function fixtureText(format: WireFormat, name: string): string {
  return readFileSync(new URL(`./${format}/${name}`, import.meta.url), "utf8");
}

/**
 * A JSON fixture, decoded.
 *
 * @example
 * const body = fixtureJson("openai-chat", "response-basic.json");
 */
export function fixtureJson(format: WireFormat, name: string): unknown {
  return JSON.parse(fixtureText(format, name)) as unknown;
}

/**
 * An SSE transcript split into events by the project's one parser.
 *
 * @example
 * const events = fixtureEvents("openai-chat", "stream-basic.sse");
 */
export function fixtureEvents(format: WireFormat, name: string): SseEvent[] {
  const parser = new SseParser();
  return [...parser.push(fixtureText(format, name)), ...parser.end()];
}

/**
 * Cuts `text` into pieces of `size` characters, to feed parsers and fake bodies the way a network
 * delivers them (events split across chunks).
 *
 * @example
 * splitEvery("abcdef", 4); // ["abcd", "ef"]
 */
export function splitEvery(text: string, size: number): string[] {
  const pieces: string[] = [];
  for (let i = 0; i < text.length; i += size) pieces.push(text.slice(i, i + size));
  return pieces;
}
