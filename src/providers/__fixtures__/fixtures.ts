// Loaders for the recorded-style provider payloads in this folder (response bodies, error bodies and
// SSE transcripts of each wire format), shared by the adapter tests and the SDK round-trip test.
import { readdirSync, readFileSync } from "node:fs";
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
 * The fixtures of one format whose names start with `prefix` (e.g. every `response-*.json`), sorted, so
 * a fixture added to the folder is checked by every test that iterates over its kind.
 *
 * @example
 * it.each(fixtureNames("openai-chat", "response-"))("%s", (name) => check(fixtureJson("openai-chat", name)));
 */
export function fixtureNames(format: WireFormat, prefix: string): string[] {
  return readdirSync(new URL(`./${format}/`, import.meta.url))
    .filter((name) => name.startsWith(prefix))
    .sort();
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

/**
 * Whether an upstream status makes an attempt retryable (reference §5), as every adapter must map it:
 * one table, so the adapters' tests cannot drift apart.
 *
 * @example
 * it.each(STATUS_RETRYABILITY)("status %i is retryable: %s", (status, retryable) => { ... });
 */
export const STATUS_RETRYABILITY: readonly (readonly [status: number, retryable: boolean])[] = [
  [400, false],
  [401, false],
  [404, false],
  [408, true],
  [409, true],
  [429, true],
  [500, true],
  [503, true],
  [529, true],
];
