// Decodes a `POST /v1/chat/completions` body into the pipeline's Responses body: `messages` →
// `input`, `max_tokens`/`max_completion_tokens` → `max_output_tokens`. Every other field passes
// through under its own name, so the pipeline's validation names it as the client wrote it.
import { z } from "zod";
import type { GatewayError } from "../../../core/errors.js";
import { issuesToDetails } from "../../request/issue-details.js";
import { validationError } from "../../request/validation-error.js";

const textPart = z.strictObject({ type: z.literal("text"), text: z.string() });
const content = z.union([z.string(), z.array(textPart, { error: () => 'gateway-sim accepts text content parts ({"type": "text", "text": …})' })]);

const chatFields = z.looseObject({
  messages: z
    .array(
      z.looseObject({
        role: z.enum(["system", "developer", "user", "assistant"], { error: () => 'gateway-sim accepts the roles "system", "developer", "user" and "assistant"' }),
        content: content.nullish(),
        name: z.string().optional(),
      }),
    )
    .min(1),
  max_tokens: z.number().int().nullish(),
  max_completion_tokens: z.number().int().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().optional() }).nullish(),
});

/**
 * Chat parameters the gateway does not act on (sampling penalties, logprobs, a single choice):
 * accepted so an unchanged OpenAI client works, not forwarded, as the Responses surface does with
 * its own ignored parameters.
 */
export const IGNORED_CHAT_PARAMETERS = ["frequency_penalty", "presence_penalty", "logit_bias", "logprobs", "n", "modalities", "prediction", "audio", "web_search_options", "verbosity"] as const;

export type ChatDecoded = { ok: true; body: Record<string, unknown>; includeUsage: boolean } | { ok: false; error: GatewayError };

/**
 * @example
 * decodeChatRequest({ model: "openai/gpt-5.4-nano", messages: [{ role: "user", content: "Hi" }], max_tokens: 50 });
 * // { ok: true, body: { model: "openai/gpt-5.4-nano", input: [{ role: "user", content: "Hi" }], max_output_tokens: 50 }, includeUsage: false }
 */
export function decodeChatRequest(body: unknown): ChatDecoded {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, error: validationError([{ message: "expected a JSON object", path: "", keyword: "type" }]) };
  }
  const parsed = chatFields.safeParse(body, { reportInput: true });
  if (!parsed.success) return { ok: false, error: validationError(issuesToDetails(parsed.error.issues)) };
  const { messages, max_tokens, max_completion_tokens, stream_options, ...rest } = parsed.data;
  for (const name of IGNORED_CHAT_PARAMETERS) delete rest[name];
  const input = messages.map((m) => {
    const partType = m.role === "assistant" ? "output_text" : "input_text";
    const text = m.content ?? "";
    return { role: m.role, content: typeof text === "string" ? text : text.map((p) => ({ type: partType, text: p.text })) };
  });
  const maxOutput = max_completion_tokens ?? max_tokens;
  const decoded: Record<string, unknown> = { ...rest, input };
  if (maxOutput != null) decoded.max_output_tokens = maxOutput;
  // Only the stream cares; the pipeline accepts stream_options and ignores it.
  if (stream_options != null) decoded.stream_options = stream_options;
  return { ok: true, body: decoded, includeUsage: stream_options?.include_usage === true };
}
