// The Responses request body as OpenAI validates it (field names from the `openai` SDK's
// ResponseCreateParams): unknown top-level parameters rejected, `input` a string or a list of items.
import { z } from "zod";

const inputText = z.looseObject({ type: z.enum(["input_text", "output_text"]), text: z.string() });
// Images, files and audio parts are accepted but carry no text for token counting.
const otherPart = z.looseObject({ type: z.enum(["input_image", "input_file", "input_audio", "refusal"]) });
const messageItem = z.looseObject({
  type: z.literal("message").optional(),
  role: z.enum(["user", "assistant", "system", "developer"]),
  content: z.union([z.string(), z.array(z.union([inputText, otherPart]))]),
});
// Tool calls, their outputs and reasoning items pass as they come.
const otherItem = z.looseObject({ type: z.enum(["function_call", "function_call_output", "reasoning", "item_reference"]) });

const textFormat = z.discriminatedUnion("type", [
  z.strictObject({ type: z.literal("text") }),
  z.strictObject({ type: z.literal("json_object") }),
  z.strictObject({
    type: z.literal("json_schema"),
    name: z.string().regex(/^[a-zA-Z0-9_-]{1,64}$/, "must be 1-64 characters of a-z, A-Z, 0-9, underscores and dashes"),
    schema: z.record(z.string(), z.unknown()),
    description: z.string().optional(),
    strict: z.boolean().nullable().optional(),
  }),
]);

const passthrough = z.unknown().optional();

/** A Responses request body. */
export const openAiResponsesRequestSchema = z.strictObject({
  model: z.string().min(1),
  input: z.union([z.string(), z.array(z.union([messageItem, otherItem])).min(1)]),
  instructions: z.string().nullable().optional(),
  stream: z.boolean().nullable().optional(),
  max_output_tokens: z.number().int().min(16).nullable().optional(),
  temperature: z.number().min(0).max(2).nullable().optional(),
  top_p: z.number().min(0).max(1).nullable().optional(),
  text: z.strictObject({ format: textFormat.optional(), verbosity: passthrough }).optional(),
  // Accepted and ignored by the fake: they change nothing it simulates.
  background: passthrough,
  include: passthrough,
  metadata: passthrough,
  parallel_tool_calls: passthrough,
  previous_response_id: passthrough,
  prompt_cache_key: passthrough,
  reasoning: passthrough,
  safety_identifier: passthrough,
  service_tier: passthrough,
  store: passthrough,
  stream_options: passthrough,
  tool_choice: passthrough,
  tools: passthrough,
  truncation: passthrough,
  user: passthrough,
});

export type OpenAiResponsesRequestBody = z.output<typeof openAiResponsesRequestSchema>;
