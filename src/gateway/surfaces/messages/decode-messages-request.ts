// Decodes a `POST /v1/messages` body (Anthropic Messages) into the pipeline's Responses body:
// `system` → `instructions`, `messages` → `input`, `max_tokens` → `max_output_tokens`,
// `stop_sequences` → `stop`, `output_config.format` → `text.format`. Gateway fields (`provider`,
// `preset`, `meta`, `plugins`…) and unknown fields pass through for the pipeline to judge.
import { z } from "zod";
import type { GatewayError } from "../../../core/errors.js";
import { issuesToDetails } from "../../request/issue-details.js";
import { validationError } from "../../request/validation-error.js";

const textBlock = z.looseObject({ type: z.literal("text"), text: z.string() });
const blocks = z.array(textBlock, { error: () => 'gateway-sim accepts text blocks ({"type": "text", "text": …})' });
const jsonSchemaFormat = z.looseObject({ type: z.literal("json_schema"), schema: z.record(z.string(), z.unknown()) });

const messagesFields = z.looseObject({
  max_tokens: z.number().int().min(1),
  messages: z.array(z.looseObject({ role: z.enum(["user", "assistant"]), content: z.union([z.string(), blocks]) })).min(1),
  system: z.union([z.string(), blocks]).optional(),
  stop_sequences: z.array(z.string()).optional(),
  output_config: z.looseObject({ format: jsonSchemaFormat.nullish(), effort: z.unknown().optional() }).optional(),
  output_format: jsonSchemaFormat.optional(),
});

/** Messages parameters the gateway does not act on: accepted so an unchanged Anthropic client works, not forwarded. */
export const IGNORED_MESSAGES_PARAMETERS = ["top_k", "thinking", "tool_choice", "service_tier", "container", "mcp_servers", "context_management", "inference_geo"] as const;

export type MessagesDecoded = { ok: true; body: Record<string, unknown> } | { ok: false; error: GatewayError };

const joinText = (content: string | readonly { text: string }[]) => (typeof content === "string" ? content : content.map((b) => b.text).join("\n"));

/**
 * @example
 * decodeMessagesRequest({ model: "anthropic/claude-haiku-4-5", max_tokens: 200, system: "Be brief.", messages: [{ role: "user", content: "Hi" }] });
 * // { ok: true, body: { model: …, instructions: "Be brief.", input: [{ role: "user", content: "Hi" }], max_output_tokens: 200 } }
 */
export function decodeMessagesRequest(body: unknown): MessagesDecoded {
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    return { ok: false, error: validationError([{ message: "expected a JSON object", path: "", keyword: "type" }]) };
  }
  const parsed = messagesFields.safeParse(body, { reportInput: true });
  if (!parsed.success) return { ok: false, error: validationError(issuesToDetails(parsed.error.issues)) };
  const { max_tokens, messages, system, stop_sequences, output_config, output_format, ...rest } = parsed.data;
  for (const name of IGNORED_MESSAGES_PARAMETERS) delete rest[name];
  const decoded: Record<string, unknown> = {
    ...rest,
    input: messages.map((m) => ({ role: m.role, content: joinText(m.content) })),
    max_output_tokens: max_tokens,
  };
  if (system !== undefined && joinText(system) !== "") decoded.instructions = joinText(system);
  if (stop_sequences !== undefined && stop_sequences.length > 0) decoded.stop = stop_sequences;
  const format = output_config?.format ?? output_format;
  // Anthropic's format has no name; the pipeline's json_schema wants one.
  if (format) decoded.text = { format: { type: "json_schema", name: "response", schema: format.schema } };
  return { ok: true, body: decoded };
}
