// The generateContent request body as Google validates it (camelCase, field names from
// @google/genai's GenerateContentParameters as sent on the wire): unknown fields are rejected.
import { z } from "zod";

const part = z.looseObject({ text: z.string().optional(), thought: z.boolean().optional() });
const content = z.strictObject({ role: z.enum(["user", "model"]).optional(), parts: z.array(part).min(1) });
const passthrough = z.unknown().optional();

const generationConfig = z.strictObject({
  maxOutputTokens: z.number().int().min(1).optional(),
  temperature: z.number().min(0).max(2).optional(),
  topP: z.number().min(0).max(1).optional(),
  topK: z.number().optional(),
  stopSequences: z.array(z.string()).max(5).optional(),
  candidateCount: z.number().int().min(1).max(1).optional(),
  responseMimeType: z.enum(["text/plain", "application/json", "text/x.enum"]).optional(),
  responseSchema: z.record(z.string(), z.unknown()).optional(),
  responseJsonSchema: z.record(z.string(), z.unknown()).optional(),
  // Accepted and ignored by the fake.
  seed: passthrough,
  presencePenalty: passthrough,
  frequencyPenalty: passthrough,
  thinkingConfig: passthrough,
  responseModalities: passthrough,
  mediaResolution: passthrough,
  responseLogprobs: passthrough,
  logprobs: passthrough,
});

/** A generateContent / streamGenerateContent body. */
export const geminiRequestSchema = z.strictObject({
  contents: z.array(content).min(1),
  systemInstruction: z.strictObject({ role: z.string().optional(), parts: z.array(part).min(1) }).optional(),
  generationConfig: generationConfig.optional(),
  safetySettings: passthrough,
  tools: passthrough,
  toolConfig: passthrough,
  cachedContent: passthrough,
  labels: passthrough,
});

export type GeminiRequestBody = z.output<typeof geminiRequestSchema>;
