// generateContent success bodies: one GenerateContentResponse, and the `alt=sse` stream of partial
// responses (plain `data:` events, no event names, no `[DONE]`; the last carries finishReason and usage).
import type { SseEvent } from "../../../core/sse.js";
import type { FakeAnswer, StreamEvents } from "../types.js";
import { geminiErrorObject } from "./errors.js";

function usageOf(answer: FakeAnswer, final: boolean) {
  if (!answer.usage) return undefined;
  const prompt = { promptTokenCount: answer.usage.input, promptTokensDetails: [{ modality: "TEXT", tokenCount: answer.usage.input }] };
  if (!final) return { ...prompt, totalTokenCount: answer.usage.input };
  return { ...prompt, candidatesTokenCount: answer.usage.output, totalTokenCount: answer.usage.input + answer.usage.output };
}

const finishOf = (answer: FakeAnswer) => (answer.finishReason === "length" ? "MAX_TOKENS" : "STOP");

function chunk(answer: FakeAnswer, text: string, final: boolean) {
  return {
    candidates: [{ content: { parts: [{ text }], role: "model" }, ...(final ? { finishReason: finishOf(answer) } : {}), index: 0 }],
    usageMetadata: usageOf(answer, final),
    modelVersion: answer.model,
    responseId: answer.id,
  };
}

/**
 * A non-streaming GenerateContentResponse.
 *
 * @example
 * geminiResponseBody(answer).candidates[0].content.parts[0].text;
 */
export function geminiResponseBody(answer: FakeAnswer) {
  return chunk(answer, answer.text, true);
}

/** The events of one `streamGenerateContent?alt=sse` stream. */
export function geminiStreamEvents(answer: FakeAnswer): StreamEvents {
  const data = (value: unknown): SseEvent => ({ data: JSON.stringify(value) });
  return {
    // The first text chunk is the first event: Gemini sends no preamble.
    opening: () => [],
    delta: (text) => [data(chunk(answer, text, false))],
    closing: () => [],
    // The chunk carrying finishReason and the final usage is what the missing_final_event fault drops.
    terminator: () => [data(chunk(answer, "", true))],
    error: () => [data({ error: geminiErrorObject({ kind: "overloaded" }) })],
    malformed: (text) => {
      const whole = JSON.stringify(chunk(answer, text, false));
      return [{ data: whole.slice(0, Math.floor(whole.length / 2)) }];
    },
  };
}
