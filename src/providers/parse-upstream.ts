// Validation of what a provider sent, before any mapper reads it: a payload that does not match its
// wire format is the provider's fault (`upstream_invalid_response`, retryable), never a crash.
import type { z } from "zod";
import { GatewayError } from "../core/errors.js";
import { isRecord } from "../core/is-record.js";

/** A parsed payload, or the attempt error describing why it was rejected. */
export type UpstreamParse<T> = { ok: true; value: T } | { ok: false; error: GatewayError };

const SNIPPET_CHARS = 200;

/**
 * Parses `value` with `schema`; throws GatewayError `upstream_invalid_response` naming the first issues.
 *
 * @example
 * const body = parseUpstream(chatCompletionSchema, json, "openai-chat response");
 */
export function parseUpstream<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const parsed = safeParseUpstream(schema, value, what);
  if (!parsed.ok) throw parsed.error;
  return parsed.value;
}

/**
 * Like {@link parseUpstream} but returns a result object (stream mappers turn it into an error delta).
 *
 * @example
 * const chunk = safeParseUpstream(chunkSchema, data, "openai-chat stream chunk");
 * if (!chunk.ok) return [{ type: "error", error: chunk.error }];
 */
export function safeParseUpstream<S extends z.ZodType>(schema: S, value: unknown, what: string): UpstreamParse<z.output<S>> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true, value: parsed.data };
  const issues = parsed.error.issues
    .slice(0, 3)
    .map((issue) => `${issue.path.length > 0 ? issue.path.join(".") : "(root)"}: ${issue.message}`)
    .join("; ");
  return {
    ok: false,
    error: new GatewayError("upstream_invalid_response", `${what} does not match the wire format (${issues})`, { cause: parsed.error }),
  };
}

/**
 * JSON-decodes `text`, then validates it like {@link safeParseUpstream}.
 *
 * @example
 * const event = parseUpstreamJson(messageStartSchema, sse.data, "anthropic-messages message_start");
 */
export function parseUpstreamJson<S extends z.ZodType>(schema: S, text: string, what: string): UpstreamParse<z.output<S>> {
  const json = decodeJson(text);
  if (!json.ok) {
    return { ok: false, error: new GatewayError("upstream_invalid_response", `${what} is not valid JSON: ${snippet(text)}`) };
  }
  return safeParseUpstream(schema, json.value, what);
}

/**
 * JSON-decodes a body without throwing.
 *
 * @example
 * decodeJson('{"a":1}'); // { ok: true, value: { a: 1 } }
 */
export function decodeJson(text: string): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

/**
 * A short, single-line excerpt of a body for error messages.
 *
 * @example
 * snippet("<html>\n<body>Bad gateway</body></html>"); // "<html> <body>Bad gateway</body></html>"
 */
export function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > SNIPPET_CHARS ? `${flat.slice(0, SNIPPET_CHARS)}…` : flat;
}

/**
 * Whether a parsed stream event could be an error payload `{ error: … }` at all. The providers' error
 * schemas require that key, so an ordinary chunk skips a schema parse that could only fail (and
 * would build a ZodError to say so).
 *
 * @example
 * if (mayBeErrorBody(json.value)) { const failure = errorSchema.safeParse(json.value); … }
 */
export function mayBeErrorBody(value: unknown): boolean {
  return isRecord(value) && value.error !== undefined;
}
