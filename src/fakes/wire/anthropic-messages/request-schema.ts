// The Messages request body as Anthropic validates it: extra inputs rejected, `max_tokens`
// required, structured output under `output_config.format` (field names from `@anthropic-ai/sdk`).
import { z } from "zod";

const cacheControl = z
  .looseObject({ type: z.literal("ephemeral") })
  .nullable()
  .optional();
const textBlock = z.strictObject({ type: z.literal("text"), text: z.string(), cache_control: cacheControl, citations: z.array(z.unknown()).nullable().optional() });
// Other block types (images, documents, tool use and results, thinking) are accepted as they come.
const otherBlock = z.looseObject({ type: z.string().refine((t) => t !== "text") });
const content = z.union([z.string(), z.array(z.union([textBlock, otherBlock]))]);

const message = z.strictObject({ role: z.enum(["user", "assistant", "system"]), content });

const jsonOutputFormat = z.strictObject({ type: z.literal("json_schema"), schema: z.record(z.string(), z.unknown()) });

const passthrough = z.unknown().optional();

/** A Messages request body. */
export const anthropicRequestSchema = z.strictObject({
  model: z.string().min(1),
  max_tokens: z.number().int().min(1),
  messages: z.array(message).min(1),
  system: z.union([z.string(), z.array(textBlock)]).optional(),
  stream: z.boolean().optional(),
  stop_sequences: z.array(z.string()).optional(),
  temperature: z.number().min(0).max(1).optional(),
  top_p: z.number().min(0).max(1).optional(),
  top_k: z.number().int().min(0).optional(),
  output_config: z.strictObject({ effort: z.enum(["low", "medium", "high", "xhigh", "max"]).nullable().optional(), format: jsonOutputFormat.nullable().optional() }).optional(),
  /** The structured-outputs beta spelling; only with an `anthropic-beta: structured-outputs-…` header. */
  output_format: jsonOutputFormat.optional(),
  // Accepted and ignored by the fake: they change nothing it simulates.
  cache_control: passthrough,
  container: passthrough,
  diagnostics: passthrough,
  inference_geo: passthrough,
  metadata: passthrough,
  service_tier: passthrough,
  speed: passthrough,
  thinking: passthrough,
  tool_choice: passthrough,
  tools: passthrough,
  user_profile_id: passthrough,
  workspace_id: passthrough,
});

export type AnthropicRequestBody = z.output<typeof anthropicRequestSchema>;
