// The Chat Completions request body as OpenAI validates it: unknown top-level arguments are
// rejected, message shapes checked per role, ranges as documented (field names from the `openai` SDK types).
import { z } from "zod";

const textPart = z.strictObject({ type: z.literal("text"), text: z.string() });
// Non-text parts are accepted as the API does but carry no text for token counting.
const otherPart = z.looseObject({ type: z.enum(["image_url", "input_audio", "file", "refusal"]) });
const content = z.union([z.string(), z.array(z.union([textPart, otherPart])).min(1)]);
const name = z.string().optional();

const message = z.discriminatedUnion("role", [
  z.strictObject({ role: z.literal("system"), content, name }),
  z.strictObject({ role: z.literal("developer"), content, name }),
  z.strictObject({ role: z.literal("user"), content, name }),
  z.strictObject({
    role: z.literal("assistant"),
    content: content.nullable().optional(),
    name,
    refusal: z.string().nullable().optional(),
    tool_calls: z.array(z.looseObject({ id: z.string(), type: z.string() })).optional(),
    function_call: z.looseObject({ name: z.string() }).nullable().optional(),
    audio: z.looseObject({ id: z.string() }).nullable().optional(),
  }),
  z.strictObject({ role: z.literal("tool"), content, tool_call_id: z.string() }),
  z.strictObject({ role: z.literal("function"), content: z.string().nullable(), name: z.string() }),
]);

const responseFormat = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text") }),
  z.strictObject({ type: z.literal("json_object") }),
  z.strictObject({
    type: z.literal("json_schema"),
    json_schema: z.strictObject({
      name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "must be 1-64 characters of a-z, A-Z, 0-9, underscores and dashes"),
      description: z.string().optional(),
      schema: z.record(z.string(), z.unknown()).optional(),
      strict: z.boolean().nullable().optional(),
    }),
  }),
]);

const passthrough = z.unknown().optional();

/** A Chat Completions request body. */
export const openAiChatRequestSchema = z.strictObject({
  model: z.string().min(1),
  messages: z.array(message).min(1),
  stream: z.boolean().nullable().optional(),
  stream_options: z.strictObject({ include_usage: z.boolean().optional(), include_obfuscation: z.boolean().optional() }).nullable().optional(),
  max_tokens: z.number().int().min(1).nullable().optional(),
  max_completion_tokens: z.number().int().min(1).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  n: z.number().int().min(1).max(128).nullable().optional(),
  stop: z
    .union([z.string(), z.array(z.string()).max(4)])
    .nullable()
    .optional(),
  response_format: responseFormat.optional(),
  seed: z.number().int().nullable().optional(),
  frequency_penalty: z.number().min(-2).max(2).nullable().optional(),
  presence_penalty: z.number().min(-2).max(2).nullable().optional(),
  // Accepted and ignored by the fake: they change nothing it simulates.
  audio: passthrough,
  function_call: passthrough,
  functions: passthrough,
  logit_bias: passthrough,
  logprobs: passthrough,
  metadata: passthrough,
  modalities: passthrough,
  moderation: passthrough,
  parallel_tool_calls: passthrough,
  prediction: passthrough,
  prompt_cache_key: passthrough,
  prompt_cache_options: passthrough,
  prompt_cache_retention: passthrough,
  reasoning_effort: passthrough,
  safety_identifier: passthrough,
  service_tier: passthrough,
  store: passthrough,
  tool_choice: passthrough,
  tools: passthrough,
  top_logprobs: passthrough,
  user: passthrough,
  verbosity: passthrough,
  web_search_options: passthrough,
});

export type OpenAiChatRequestBody = z.output<typeof openAiChatRequestSchema>;
