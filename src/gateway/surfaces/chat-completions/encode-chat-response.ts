// Encodes the pipeline's answer as a Chat Completions `chat.completion`, with the reference's
// additions: `provider` and `provider_id` always, `meta` only when the request asked for it (the
// pipeline includes it only then), everything else the pipeline put at the top level (cost,
// routing_diagnostics) kept.
import { metaProvider, responsesView } from "../responses-body-view.js";

/**
 * The `chat.completion` for a pipeline body; a body that is not a Responses answer (an error) is
 * returned untouched: every surface answers errors in the one flat gateway shape.
 *
 * @example
 * encodeChatResponse(response.body, record.selected_provider);
 */
export function encodeChatResponse(body: unknown, selectedProvider: string | null): unknown {
  const view = responsesView(body);
  if (!view) return body;
  const provider = selectedProvider ?? metaProvider(view);
  return {
    id: view.id,
    object: "chat.completion",
    created: view.createdAt,
    model: view.model,
    provider,
    provider_id: provider,
    choices: [{ index: 0, message: { role: "assistant", content: view.text, refusal: null, annotations: [] }, logprobs: null, finish_reason: view.finishReason }],
    usage: { prompt_tokens: view.usage.input, completion_tokens: view.usage.output, total_tokens: view.usage.input + view.usage.output },
    ...view.extra,
    ...(view.meta ? { meta: view.meta } : {}),
  };
}
