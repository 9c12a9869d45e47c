// zod schemas of the OpenAI Chat Completions wire format (the fields gateway-sim sends and reads),
// checked against the `openai` SDK's ChatCompletionCreateParams / ChatCompletion / ChatCompletionChunk.
// Unknown response fields are stripped, not rejected: providers add fields (service_tier,
// obfuscation, annotations…) and compatible providers (deepinfra, groq, together) add their own.
import { z } from "zod";

const jsonSchemaFormatSchema = z.object({
  type: z.literal("json_schema"),
  json_schema: z.object({
    name: z.string(),
    description: z.string().optional(),
    schema: z.record(z.string(), z.unknown()).optional(),
    strict: z.boolean().nullish(),
  }),
});

/** The request body gateway-sim sends (a subset of ChatCompletionCreateParams). */
export const openAiChatRequestSchema = z.object({
  model: z.string(),
  messages: z.array(z.object({ role: z.enum(["system", "developer", "user", "assistant"]), content: z.string() })),
  temperature: z.number().optional(),
  top_p: z.number().optional(),
  max_completion_tokens: z.number().int().optional(),
  stop: z.array(z.string()).optional(),
  response_format: z.discriminatedUnion("type", [z.object({ type: z.literal("text") }), z.object({ type: z.literal("json_object") }), jsonSchemaFormatSchema]).optional(),
  stream: z.boolean().optional(),
  stream_options: z.object({ include_usage: z.boolean().optional() }).optional(),
});
export type OpenAiChatRequestBody = z.infer<typeof openAiChatRequestSchema>;

const usageSchema = z.object({
  prompt_tokens: z.number().int().nonnegative(),
  completion_tokens: z.number().int().nonnegative(),
});

const choiceSchema = z.object({
  index: z.number().int(),
  message: z.object({
    role: z.literal("assistant"),
    content: z.string().nullable(),
    refusal: z.string().nullish(),
  }),
  // A string, not an enum: a new reason must map to "other", not fail the whole answer.
  finish_reason: z.string().nullable(),
});

/** A non-streamed `chat.completion`; at least one choice. */
export const openAiChatResponseSchema = z.object({
  id: z.string(),
  object: z.literal("chat.completion"),
  model: z.string(),
  choices: z.tuple([choiceSchema], choiceSchema),
  usage: usageSchema.nullish(),
});
export type OpenAiChatResponse = z.infer<typeof openAiChatResponseSchema>;

/** One `chat.completion.chunk`; the usage chunk of `include_usage` has empty `choices`. */
export const openAiChatChunkSchema = z.object({
  id: z.string(),
  object: z.literal("chat.completion.chunk"),
  model: z.string(),
  choices: z.array(
    z.object({
      index: z.number().int(),
      delta: z.object({ content: z.string().nullish(), refusal: z.string().nullish() }),
      finish_reason: z.string().nullish(),
    }),
  ),
  usage: usageSchema.nullish(),
});
export type OpenAiChatChunk = z.infer<typeof openAiChatChunkSchema>;
