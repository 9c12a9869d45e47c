// zod schemas of the Bedrock Converse wire format, checked against @aws-sdk/client-bedrock-runtime's
// ConverseRequest / ConverseResponse / ConverseStreamOutput. Unknown content blocks (reasoning,
// tool use) and fields are tolerated.
import { z } from "zod";

const textBlock = z.object({ text: z.string() });

/** The request body gateway-sim sends. */
export const bedrockConverseRequestSchema = z.object({
  messages: z.array(z.object({ role: z.enum(["user", "assistant"]), content: z.array(textBlock) })),
  system: z.array(textBlock).optional(),
  inferenceConfig: z.object({ maxTokens: z.number().int().optional(), temperature: z.number().optional(), topP: z.number().optional(), stopSequences: z.array(z.string()).optional() }).optional(),
  outputConfig: z
    .object({
      textFormat: z.object({ type: z.literal("json_schema"), structure: z.object({ jsonSchema: z.object({ schema: z.string(), name: z.string().optional(), description: z.string().optional() }) }) }),
    })
    .optional(),
});
export type BedrockConverseRequestBody = z.infer<typeof bedrockConverseRequestSchema>;

const count = z.number().int().nonnegative();
export const bedrockUsageSchema = z.looseObject({
  inputTokens: count,
  outputTokens: count,
  cacheReadInputTokens: count.nullish(),
  cacheWriteInputTokens: count.nullish(),
});

/** A ConverseResponse. */
export const bedrockConverseResponseSchema = z.object({
  output: z.object({ message: z.object({ role: z.literal("assistant"), content: z.array(z.looseObject({ text: z.string().optional() })) }) }),
  // A string, not an enum: a new stop reason maps to "other".
  stopReason: z.string(),
  usage: bedrockUsageSchema,
});
export type BedrockConverseResponse = z.infer<typeof bedrockConverseResponseSchema>;

/** The payload of each ConverseStream event type gateway-sim reads, by `:event-type`. */
export const BEDROCK_STREAM_PAYLOADS = {
  messageStart: z.object({ role: z.string() }),
  contentBlockStart: z.looseObject({ contentBlockIndex: z.number().int() }),
  contentBlockDelta: z.object({ contentBlockIndex: z.number().int(), delta: z.looseObject({ text: z.string().optional() }) }),
  contentBlockStop: z.looseObject({ contentBlockIndex: z.number().int() }),
  messageStop: z.looseObject({ stopReason: z.string() }),
  metadata: z.looseObject({ usage: bedrockUsageSchema }),
} as const;

/** An exception frame's payload. */
export const bedrockExceptionSchema = z.looseObject({ message: z.string().optional(), Message: z.string().optional() });
