// zod schemas of the Gemini generateContent wire format (camelCase), checked against @google/genai's
// GenerateContentParameters / GenerateContentResponse. Unknown part kinds (thoughts, function calls)
// and fields are tolerated.
import { z } from "zod";

const textPart = z.object({ text: z.string() });

/** The request body gateway-sim sends. */
export const geminiRequestSchema = z.object({
  contents: z.array(z.object({ role: z.enum(["user", "model"]), parts: z.array(textPart) })),
  systemInstruction: z.object({ parts: z.array(textPart) }).optional(),
  generationConfig: z
    .object({
      maxOutputTokens: z.number().int().optional(),
      temperature: z.number().optional(),
      topP: z.number().optional(),
      stopSequences: z.array(z.string()).optional(),
      responseMimeType: z.string().optional(),
      responseJsonSchema: z.record(z.string(), z.unknown()).optional(),
    })
    .optional(),
});
export type GeminiRequestBody = z.infer<typeof geminiRequestSchema>;

const part = z.looseObject({ text: z.string().optional(), thought: z.boolean().optional() });
const count = z.number().int().nonnegative();

export const geminiUsageSchema = z.looseObject({
  promptTokenCount: count.optional(),
  candidatesTokenCount: count.optional(),
  thoughtsTokenCount: count.optional(),
  totalTokenCount: count.optional(),
});

/** A GenerateContentResponse: the JSON body, and each `data:` event of an `alt=sse` stream. */
export const geminiResponseSchema = z.object({
  candidates: z
    .array(
      z.looseObject({
        content: z.looseObject({ parts: z.array(part).optional() }).optional(),
        // A string, not an enum: a new reason maps to "other".
        finishReason: z.string().optional(),
      }),
    )
    .optional(),
  promptFeedback: z.looseObject({ blockReason: z.string().optional() }).optional(),
  usageMetadata: geminiUsageSchema.optional(),
  modelVersion: z.string().optional(),
  responseId: z.string().optional(),
});
export type GeminiResponse = z.infer<typeof geminiResponseSchema>;

/** Google's error object, in an error body and in a mid-stream `data: {"error": …}`. */
export const geminiErrorObjectSchema = z.object({ code: z.number().int(), message: z.string(), status: z.string().optional() });
