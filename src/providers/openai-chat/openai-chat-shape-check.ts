// Hand-written checks for the two Chat Completions payloads every call reads (the answer and each
// stream chunk). They accept only bodies the zod schemas (openai-chat-api-types.ts) accept, field for
// field, and leave everything else to the schemas, whose errors stay the ones users see: a shape
// check costs a fraction of a schema parse, which is run by generic code shared by every schema.
import { isRecord } from "../../core/is-record.js";
import type { OpenAiChatChunk, OpenAiChatResponse } from "./openai-chat-api-types.js";

const isInt = (value: unknown): boolean => Number.isSafeInteger(value);
/** `z.string().nullish()`. */
const isOptionalText = (value: unknown): boolean => value === undefined || value === null || typeof value === "string";

/** `usageSchema.nullish()`: both counts non-negative integers. */
function isUsage(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  return isRecord(value) && isInt(value.prompt_tokens) && (value.prompt_tokens as number) >= 0 && isInt(value.completion_tokens) && (value.completion_tokens as number) >= 0;
}

function isChoice(value: unknown): boolean {
  if (!isRecord(value) || !isInt(value.index) || !(value.finish_reason === null || typeof value.finish_reason === "string")) return false;
  const message = value.message;
  return isRecord(message) && message.role === "assistant" && (message.content === null || typeof message.content === "string") && isOptionalText(message.refusal);
}

/**
 * Whether `value` is a `chat.completion` the response schema accepts as it is (at least one choice).
 *
 * @example
 * const response = isChatCompletion(body) ? body : parseUpstream(openAiChatResponseSchema, body, "openai-chat response");
 */
export function isChatCompletion(value: unknown): value is OpenAiChatResponse {
  if (!isRecord(value) || typeof value.id !== "string" || value.object !== "chat.completion" || typeof value.model !== "string") return false;
  const choices = value.choices;
  if (!Array.isArray(choices) || choices.length === 0) return false;
  for (let i = 0; i < choices.length; i++) if (!(i in choices) || !isChoice(choices[i])) return false;
  return isUsage(value.usage);
}

function isChunkChoice(value: unknown): boolean {
  if (!isRecord(value) || !isInt(value.index) || !isOptionalText(value.finish_reason)) return false;
  const delta = value.delta;
  return isRecord(delta) && isOptionalText(delta.content) && isOptionalText(delta.refusal);
}

/**
 * Whether `value` is a `chat.completion.chunk` the chunk schema accepts as it is.
 *
 * @example
 * const chunk = isChatChunk(json) ? json : safeParseUpstream(openAiChatChunkSchema, json, "openai-chat stream chunk");
 */
export function isChatChunk(value: unknown): value is OpenAiChatChunk {
  if (!isRecord(value) || typeof value.id !== "string" || value.object !== "chat.completion.chunk" || typeof value.model !== "string") return false;
  const choices = value.choices;
  if (!Array.isArray(choices)) return false;
  for (let i = 0; i < choices.length; i++) if (!(i in choices) || !isChunkChoice(choices[i])) return false;
  return isUsage(value.usage);
}
