// The Converse / ConverseStream request body (field names from @aws-sdk/client-bedrock-runtime's
// ConverseRequest, as serialised on the wire); the model id is in the path, not the body.
import { z } from "zod";

const block = z.looseObject({ text: z.string().optional() });
const message = z.strictObject({ role: z.enum(["user", "assistant"]), content: z.array(block).min(1) });
const passthrough = z.unknown().optional();

const outputConfig = z.strictObject({
  textFormat: z
    .strictObject({
      type: z.literal("json_schema"),
      // The schema travels as a JSON string, not an object.
      structure: z.strictObject({ jsonSchema: z.strictObject({ schema: z.string(), name: z.string().optional(), description: z.string().optional() }) }),
    })
    .optional(),
  effort: passthrough,
});

/** A Converse body. */
export const bedrockConverseRequestSchema = z.strictObject({
  messages: z.array(message).min(1),
  system: z.array(block).optional(),
  inferenceConfig: z
    .strictObject({
      maxTokens: z.number().int().min(1).optional(),
      temperature: z.number().min(0).max(1).optional(),
      topP: z.number().min(0).max(1).optional(),
      stopSequences: z.array(z.string()).max(4).optional(),
    })
    .optional(),
  outputConfig: outputConfig.optional(),
  // Accepted and ignored by the fake.
  toolConfig: passthrough,
  guardrailConfig: passthrough,
  additionalModelRequestFields: passthrough,
  additionalModelResponseFieldPaths: passthrough,
  promptVariables: passthrough,
  requestMetadata: passthrough,
  performanceConfig: passthrough,
  serviceTier: passthrough,
});

export type BedrockConverseRequestBody = z.output<typeof bedrockConverseRequestSchema>;
