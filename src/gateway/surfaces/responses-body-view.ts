// Reads the pipeline's Responses-shaped answer (JSON body or final stream event) for the encoders of
// the other surfaces: text, finish reason, usage, meta. One reader, so the encoders never drift.
import { z } from "zod";

const view = z.looseObject({
  id: z.string(),
  created_at: z.number(),
  model: z.string(),
  status: z.string(),
  output: z.array(z.looseObject({ content: z.array(z.looseObject({ text: z.string().optional() })).optional() })),
  usage: z.looseObject({ input_tokens: z.number(), output_tokens: z.number() }).nullish(),
  meta: z.looseObject({ routing: z.looseObject({ selected_provider: z.string().nullish() }).optional() }).optional(),
});

/** What an encoder needs of a Responses body. */
export interface ResponsesView {
  id: string;
  createdAt: number;
  model: string;
  text: string;
  /** `length` when the answer was cut at the output limit, else `stop`. */
  finishReason: "stop" | "length";
  usage: { input: number; output: number };
  meta: Record<string, unknown> | undefined;
  /** Anything else the pipeline put at the top level (cost, routing_diagnostics). */
  extra: Record<string, unknown>;
}

const KNOWN = new Set(["id", "object", "created_at", "model", "status", "incomplete_details", "output", "usage", "meta"]);

/**
 * The view of a Responses body; undefined when the body is not one (it is then passed on untouched).
 *
 * @example
 * responsesView(response.body)?.text;
 */
export function responsesView(body: unknown): ResponsesView | undefined {
  const parsed = view.safeParse(body);
  if (!parsed.success) return undefined;
  const b = parsed.data;
  const text = (b.output[0]?.content ?? []).map((part) => part.text ?? "").join("");
  const extra: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(b)) if (!KNOWN.has(key)) extra[key] = value;
  return {
    id: b.id,
    createdAt: b.created_at,
    model: b.model,
    text,
    finishReason: b.status === "incomplete" ? "length" : "stop",
    usage: { input: b.usage?.input_tokens ?? 0, output: b.usage?.output_tokens ?? 0 },
    meta: b.meta,
    extra,
  };
}

/** The selected provider from meta (a cache hit's record names none). */
export function metaProvider(view: ResponsesView): string | null {
  const routing = view.meta?.routing;
  return typeof routing === "object" && routing !== null && "selected_provider" in routing && typeof routing.selected_provider === "string" ? routing.selected_provider : null;
}
