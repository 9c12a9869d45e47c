// Encodes the pipeline's answer as an Anthropic `message`. Reference fidelity: the reference
// re-encodes /v1/messages bodies from its intermediate representation, so `meta` is never returned
// (even with `meta: true`) and the text is the provider's, not the healed one (the healing record
// still says `applied`). `settings.fidelity: documented` returns both, as the documentation implies.
import { responsesView } from "../responses-body-view.js";

export interface MessagesEncodeOptions {
  fidelity: "reference" | "documented";
  /** The provider's text before healing (undefined when no provider answered, e.g. a cache hit). */
  upstreamText: string | undefined;
}

/**
 * The `message` for a pipeline body; an error body is returned untouched (one flat error shape).
 *
 * @example
 * encodeMessagesResponse(response.body, { fidelity: "reference", upstreamText });
 */
export function encodeMessagesResponse(body: unknown, options: MessagesEncodeOptions): unknown {
  const view = responsesView(body);
  if (!view) return body;
  const documented = options.fidelity === "documented";
  const text = documented ? view.text : (options.upstreamText ?? view.text);
  const { routing_diagnostics: diagnostics } = view.extra;
  return {
    id: view.id,
    type: "message",
    role: "assistant",
    model: view.model,
    content: [{ type: "text", text, citations: null }],
    stop_reason: view.finishReason === "length" ? "max_tokens" : "end_turn",
    stop_sequence: null,
    usage: { input_tokens: view.usage.input, output_tokens: view.usage.output, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 },
    ...(diagnostics !== undefined ? { routing_diagnostics: diagnostics } : {}),
    ...(documented && view.meta ? { meta: view.meta } : {}),
  };
}
