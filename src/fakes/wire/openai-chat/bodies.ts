// Chat Completions success bodies: the `chat.completion` object and the `chat.completion.chunk`
// stream (role chunk, content deltas, finish chunk, optional usage chunk, `data: [DONE]`).
import type { SseEvent } from "../../../core/sse.js";
import type { FakeAnswer, FakeChatRequest, StreamEvents } from "../types.js";
import { openAiErrorObject } from "./errors.js";

function usageOf(answer: FakeAnswer) {
  if (!answer.usage) return undefined;
  return {
    prompt_tokens: answer.usage.input,
    completion_tokens: answer.usage.output,
    total_tokens: answer.usage.input + answer.usage.output,
    prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
    completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
  };
}

/**
 * A non-streaming `chat.completion`.
 *
 * @example
 * openAiCompletionBody(answer).choices[0].message.content;
 */
export function openAiCompletionBody(answer: FakeAnswer) {
  const body = {
    id: answer.id,
    object: "chat.completion" as const,
    created: answer.created,
    model: answer.model,
    choices: [
      {
        index: 0,
        message: { role: "assistant" as const, content: answer.text, refusal: null, annotations: [] as never[] },
        logprobs: null,
        finish_reason: answer.finishReason,
      },
    ],
    usage: usageOf(answer),
    service_tier: "default" as const,
    system_fingerprint: answer.fingerprint,
  };
  return body;
}

/** The events of one Chat Completions stream. */
export function openAiStreamEvents(answer: FakeAnswer, request: FakeChatRequest): StreamEvents {
  const withUsage = request.includeUsage;
  const chunk = (choices: unknown[], usage?: unknown): SseEvent => ({
    data: JSON.stringify({
      id: answer.id,
      object: "chat.completion.chunk",
      created: answer.created,
      model: answer.model,
      service_tier: "default",
      system_fingerprint: answer.fingerprint,
      choices,
      // With include_usage every chunk carries `usage: null` until the last one.
      ...(withUsage ? { usage: usage ?? null } : {}),
    }),
  });
  const choice = (delta: Record<string, unknown>, finish: string | null) => ({ index: 0, delta, logprobs: null, finish_reason: finish });
  return {
    opening: () => [chunk([choice({ role: "assistant", content: "", refusal: null }, null)])],
    delta: (text) => [chunk([choice({ content: text }, null)])],
    closing: () => {
      const events = [chunk([choice({}, answer.finishReason)])];
      const usage = usageOf(answer);
      if (withUsage && usage) events.push(chunk([], usage));
      return events;
    },
    terminator: () => [{ data: "[DONE]" }],
    error: (errorType) => [{ data: JSON.stringify({ error: { ...openAiErrorObject({ kind: "status", status: 500, message: undefined }), ...(errorType ? { type: errorType } : {}) } }) }],
    malformed: (text) => {
      const whole = chunk([choice({ content: text }, null)]).data;
      return [{ data: whole.slice(0, Math.floor(whole.length / 2)) }];
    },
  };
}
