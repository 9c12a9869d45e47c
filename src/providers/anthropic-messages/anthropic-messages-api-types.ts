// zod schemas of the Anthropic Messages wire format (the fields gateway-sim sends and reads),
// checked against @anthropic-ai/sdk's MessageCreateParams / Message / RawMessageStreamEvent.
// Unknown fields and block types are tolerated: Anthropic adds both (thinking, server tools…) and
// documents that clients must ignore what they do not know.
import { z } from "zod";

/** The request body gateway-sim sends (a subset of MessageCreateParams). */
export const anthropicMessagesRequestSchema = z.object({
  model: z.string(),
  max_tokens: z.number().int(),
  system: z.string().optional(),
  messages: z.array(z.object({ role: z.enum(["user", "assistant"]), content: z.string() })),
  temperature: z.number().optional(),
  top_p: z.number().optional(),
  stop_sequences: z.array(z.string()).optional(),
  output_config: z.object({ format: z.object({ type: z.literal("json_schema"), schema: z.record(z.string(), z.unknown()) }) }).optional(),
  stream: z.boolean().optional(),
});
export type AnthropicMessagesRequestBody = z.infer<typeof anthropicMessagesRequestSchema>;

/** A text block must carry its text; any other block type passes untouched. */
const contentBlockSchema = z.union([z.object({ type: z.literal("text"), text: z.string() }), z.looseObject({ type: z.string().refine((type) => type !== "text") })]);

const countSchema = z.number().int().nonnegative();

const usageSchema = z.object({
  input_tokens: countSchema,
  output_tokens: countSchema,
  cache_creation_input_tokens: countSchema.nullish(),
  cache_read_input_tokens: countSchema.nullish(),
});

/** A non-streamed `message`. */
export const anthropicMessageSchema = z.object({
  id: z.string(),
  type: z.literal("message"),
  role: z.literal("assistant"),
  model: z.string(),
  content: z.array(contentBlockSchema),
  // A string, not an enum: a new stop reason must map to "other", not fail the whole answer.
  stop_reason: z.string().nullable(),
  usage: usageSchema,
});
export type AnthropicMessage = z.infer<typeof anthropicMessageSchema>;

/** The provider-error object, in an error body and in an `event: error` of a stream. */
export const anthropicErrorObjectSchema = z.object({ type: z.string(), message: z.string() });

/** The stream events gateway-sim reads; other event types are skipped before parsing. */
export const anthropicStreamEventSchema = z.discriminatedUnion("type", [
  z.object({
    type: z.literal("message_start"),
    message: z.object({
      id: z.string(),
      model: z.string(),
      usage: usageSchema.partial({ output_tokens: true }),
    }),
  }),
  z.object({ type: z.literal("content_block_start"), index: z.number().int(), content_block: contentBlockSchema }),
  z.object({
    type: z.literal("content_block_delta"),
    index: z.number().int(),
    delta: z.union([z.object({ type: z.literal("text_delta"), text: z.string() }), z.looseObject({ type: z.string().refine((type) => type !== "text_delta") })]),
  }),
  z.object({ type: z.literal("content_block_stop"), index: z.number().int() }),
  z.object({
    type: z.literal("message_delta"),
    delta: z.object({ stop_reason: z.string().nullish() }),
    // Cumulative counts; input_tokens is only present when it changed.
    usage: z.object({
      output_tokens: countSchema,
      input_tokens: countSchema.nullish(),
      cache_creation_input_tokens: countSchema.nullish(),
      cache_read_input_tokens: countSchema.nullish(),
    }),
  }),
  z.object({ type: z.literal("message_stop") }),
  z.object({ type: z.literal("ping") }),
  z.object({ type: z.literal("error"), error: anthropicErrorObjectSchema }),
]);
export type AnthropicStreamEvent = z.infer<typeof anthropicStreamEventSchema>;

/** Every event type the schema above reads. */
export const ANTHROPIC_STREAM_EVENT_TYPES = anthropicStreamEventSchema.options.map((option) => option.shape.type.value);
