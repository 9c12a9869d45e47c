// A hand-written check for the Chat Completions request bodies a gateway sends most: text messages
// and the sampling fields, nothing else. It accepts only bodies the fake's zod schema
// (request-schema.ts) accepts unchanged; anything else (content parts, tools, response formats, a bad
// value…) goes to the schema, whose first issue is the error OpenAI would send.
import { isRecord } from "../../../core/is-record.js";
import type { OpenAiChatRequestBody } from "./request-schema.js";

const absent = (value: unknown): boolean => value === undefined || value === null;
/** `z.number().min(lo).max(hi).nullable().optional()`. */
const inRange = (value: unknown, lo: number, hi: number): boolean => absent(value) || (typeof value === "number" && value >= lo && value <= hi);
/** `z.number().int().min(1).nullable().optional()`. */
const positiveInt = (value: unknown): boolean => absent(value) || (Number.isSafeInteger(value) && (value as number) >= 1);

/** A text message of a role that needs nothing but `content` (and an optional `name`). */
const TEXT_ROLES = new Set(["system", "developer", "user", "assistant"]);

function isTextMessage(value: unknown): boolean {
  if (!isRecord(value) || !TEXT_ROLES.has(value.role as string) || typeof value.content !== "string") return false;
  for (const key in value) if (key !== "role" && key !== "content" && !(key === "name" && typeof value.name === "string")) return false;
  return true;
}

function isStreamOptions(value: unknown): boolean {
  if (absent(value)) return true;
  if (!isRecord(value)) return false;
  for (const key in value) if ((key !== "include_usage" && key !== "include_obfuscation") || typeof value[key] !== "boolean") return false;
  return true;
}

/** Each top-level key the fast path reads, with its check. */
const FIELDS: Readonly<Record<string, (value: unknown) => boolean>> = {
  model: (value) => typeof value === "string" && value.length > 0,
  messages: (value) => Array.isArray(value) && value.length > 0 && value.every((message, i) => i in value && isTextMessage(message)),
  stream: (value) => absent(value) || typeof value === "boolean",
  stream_options: isStreamOptions,
  max_tokens: positiveInt,
  max_completion_tokens: positiveInt,
  temperature: (value) => inRange(value, 0, 2),
  top_p: (value) => inRange(value, 0, 1),
};

/**
 * Whether `body` is a request the schema accepts as it is, built only of the common fields.
 *
 * @example
 * const req = isCommonChatRequest(body) ? body : openAiChatRequestSchema.parse(body);
 */
export function isCommonChatRequest(body: unknown): body is OpenAiChatRequestBody {
  if (!isRecord(body) || body.model === undefined || body.messages === undefined) return false;
  for (const key in body) {
    const check = FIELDS[key];
    if (check === undefined || !Object.hasOwn(FIELDS, key) || !check(body[key])) return false;
  }
  return true;
}
