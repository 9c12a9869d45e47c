// `input` of a Responses request: a string, or OpenAI Responses message items
// (`{role, content}` or `{type: "message", role, content}`, content a string or text parts),
// normalised to plain chat messages.
import { z } from "zod";
import type { ChatMessage } from "../../providers/types.js";

export const INPUT_ROLES = ["user", "assistant", "system", "developer"] as const;
export const CONTENT_PART_TYPES = ["input_text", "output_text"] as const;

/** Text parts of one message are joined with a newline: each part is its own block of text. */
export const CONTENT_PART_SEPARATOR = "\n";

const contentPartSchema = z.discriminatedUnion(
  "type",
  [
    z.strictObject({ type: z.literal("input_text"), text: z.string() }),
    // Assistant turns replayed from an earlier response carry the output shape.
    z.strictObject({
      type: z.literal("output_text"),
      text: z.string(),
      annotations: z.array(z.unknown()).optional(),
      logprobs: z.array(z.unknown()).optional(),
    }),
  ],
  {
    error: (issue) => (issue.code === "invalid_union" ? `unsupported content part: gateway-sim accepts text parts (type ${CONTENT_PART_TYPES.map((t) => `"${t}"`).join(" or ")})` : undefined),
  },
);

/**
 * Other Responses item types (function_call, reasoning, item_reference…) are refused by their
 * `type` alone: reporting their missing `role`/`content` as well would only be noise.
 */
function refuseOtherItemTypes(value: unknown, ctx: z.core.$RefinementCtx): unknown {
  if (typeof value !== "object" || value === null || !("type" in value)) return value;
  const type = value.type;
  if (type === undefined || type === "message") return value;
  ctx.addIssue({
    code: "custom",
    path: ["type"],
    message: `unsupported input item type ${JSON.stringify(type)}: gateway-sim accepts message items ({role, content} or type "message")`,
    params: { keyword: "enum" },
  });
  return value;
}

const messageShapeSchema = z.strictObject({
  type: z.literal("message").optional(),
  role: z.enum(INPUT_ROLES),
  content: z.union([z.string(), z.array(contentPartSchema)]),
  // Present on items replayed from an earlier response; not used.
  id: z.string().optional(),
  status: z.string().optional(),
});

/** Every key a message item may hold (the request fast path accepts no other). */
export const MESSAGE_ITEM_KEYS: ReadonlySet<string> = new Set(Object.keys(messageShapeSchema.shape));

/**
 * One validated message item as a chat message: text parts joined, `type`/`id`/`status` dropped.
 *
 * @example
 * toChatMessage({ role: "user", content: [{ text: "a" }, { text: "b" }] }); // { role: "user", content: "a\nb" }
 */
export function toChatMessage(item: { role: ChatMessage["role"]; content: string | readonly { text: string }[] }): ChatMessage {
  return { role: item.role, content: typeof item.content === "string" ? item.content : item.content.map((part) => part.text).join(CONTENT_PART_SEPARATOR) };
}

/**
 * `input` as a string: one user message.
 *
 * @example
 * textInput("Hi"); // [{ role: "user", content: "Hi" }]
 */
export function textInput(text: string): ChatMessage[] {
  return [{ role: "user", content: text }];
}

const messageObjectSchema = messageShapeSchema.transform(toChatMessage);

const messageItemSchema = z.preprocess(refuseOtherItemTypes, messageObjectSchema);

/**
 * `input`: a string becomes one user message; items keep their order and roles.
 *
 * @example
 * inputSchema.parse("Summarize the transcript."); // [{ role: "user", content: "Summarize the transcript." }]
 */
export const inputSchema = z.union([z.string().transform(textInput), z.array(messageItemSchema).min(1, { error: "input must hold at least one message item" })]);
