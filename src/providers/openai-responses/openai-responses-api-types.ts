// zod schemas of the OpenAI Responses wire format (the fields gateway-sim sends and reads), checked
// against the `openai` SDK's ResponseCreateParams / Response / ResponseStreamEvent. Unknown output
// item types and event types are tolerated: OpenAI adds both.
import { z } from "zod";

const inputMessage = z.object({ role: z.enum(["system", "developer", "user", "assistant"]), content: z.string() });

/** The request body gateway-sim sends (a subset of ResponseCreateParams). */
export const openAiResponsesRequestSchema = z.object({
  model: z.string(),
  instructions: z.string().optional(),
  input: z.array(inputMessage),
  temperature: z.number().optional(),
  top_p: z.number().optional(),
  max_output_tokens: z.number().int().optional(),
  text: z
    .object({
      format: z.union([
        z.object({ type: z.literal("json_schema"), name: z.string(), schema: z.record(z.string(), z.unknown()), strict: z.boolean().optional(), description: z.string().optional() }),
        z.object({ type: z.literal("json_object") }),
      ]),
    })
    .optional(),
  stream: z.boolean().optional(),
  store: z.boolean().optional(),
});
export type OpenAiResponsesRequestBody = z.infer<typeof openAiResponsesRequestSchema>;

const outputText = z.looseObject({ type: z.literal("output_text"), text: z.string() });
const otherPart = z.looseObject({ type: z.string().refine((t) => t !== "output_text") });
const messageItem = z.looseObject({ type: z.literal("message"), content: z.array(z.union([outputText, otherPart])) });
const otherItem = z.looseObject({ type: z.string().refine((t) => t !== "message") });

const count = z.number().int().nonnegative();
export const openAiResponsesUsageSchema = z.object({ input_tokens: count, output_tokens: count });

/** A `response` object (the JSON body, and the `response` of created/completed events). */
export const openAiResponseSchema = z.object({
  id: z.string(),
  object: z.literal("response"),
  model: z.string(),
  // A string, not an enum: a new status maps to "other" rather than failing the answer.
  status: z.string(),
  incomplete_details: z.object({ reason: z.string().nullish() }).nullish(),
  output: z.array(z.union([messageItem, otherItem])),
  usage: openAiResponsesUsageSchema.nullish(),
});
export type OpenAiResponse = z.infer<typeof openAiResponseSchema>;

/** The stream events gateway-sim reads; other `response.*` events are skipped before parsing. */
export const openAiResponsesEventSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("response.created"), response: openAiResponseSchema }),
  z.object({ type: z.literal("response.output_text.delta"), delta: z.string() }),
  z.object({ type: z.literal("response.completed"), response: openAiResponseSchema }),
  z.object({ type: z.literal("response.incomplete"), response: openAiResponseSchema }),
  z.object({ type: z.literal("response.failed"), response: z.looseObject({ error: z.object({ code: z.string().nullish(), message: z.string() }).nullish() }) }),
  z.object({ type: z.literal("error"), code: z.string().nullish(), message: z.string(), param: z.string().nullish() }),
]);
export type OpenAiResponsesEvent = z.infer<typeof openAiResponsesEventSchema>;
export const OPENAI_RESPONSES_EVENT_TYPES = openAiResponsesEventSchema.options.map((o) => o.shape.type.value);
