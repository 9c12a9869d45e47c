// Turns one scenario request (a /v1/responses body) into the HTTP call an outside gateway gets, in
// the API it speaks, with the correlation marker in the last user message. The chat-completions and
// anthropic-messages bodies come from the same pure mappers the built-in gateway sends upstream.
import { correlationMarker, CORRELATION_HEADER } from "../../fakes/correlation.js";
import { responsesRequestSchema } from "../../gateway/request/responses-request-schema.js";
import { toUpstreamMessages } from "../../gateway/request/upstream-messages.js";
import { adapterFor } from "../../providers/registry.js";
import type { HttpCall, UpstreamRequest } from "../../providers/types.js";
import type { GatewayApi } from "./gateway-apis.js";

export interface ClientTarget {
  /** The gateway's base URL, without /v1 (e.g. http://127.0.0.1:8787). */
  url: string;
  api: GatewayApi;
  /** Sent as the bearer key (or x-api-key for anthropic-messages). */
  apiKey: string;
  headers: Readonly<Record<string, string>>;
}

export type ClientRequest = { ok: true; call: HttpCall; stream: boolean } | { ok: false; message: string };

function withMarker(text: string, marker: string): string {
  return text === "" ? marker : `${text} ${marker}`;
}

/** The last user message gets the marker; without one, the last message of any role. */
function markMessages(request: UpstreamRequest, marker: string): UpstreamRequest {
  const messages = [...request.messages];
  let at = messages.findLastIndex((m) => m.role === "user");
  if (at === -1) at = messages.length - 1;
  const target = messages[at];
  if (target) messages[at] = { ...target, content: withMarker(target.content, marker) };
  return { ...request, messages };
}

function markResponsesInput(input: unknown, marker: string): unknown {
  if (typeof input === "string") return withMarker(input, marker);
  if (!Array.isArray(input)) return input;
  const items = [...(input as unknown[])];
  let at = items.findLastIndex((i) => typeof i === "object" && i !== null && (i as { role?: unknown }).role === "user");
  if (at === -1) at = items.length - 1;
  const item = items[at];
  if (typeof item !== "object" || item === null) return items;
  const content = (item as { content?: unknown }).content;
  if (typeof content === "string") items[at] = { ...item, content: withMarker(content, marker) };
  else if (Array.isArray(content)) {
    const parts = [...(content as unknown[])];
    const last = parts.findLastIndex((p) => typeof p === "object" && p !== null && typeof (p as { text?: unknown }).text === "string");
    if (last !== -1) {
      const part = parts[last] as { text: string };
      parts[last] = { ...part, text: withMarker(part.text, marker) };
    }
    items[at] = { ...item, content: parts };
  }
  return items;
}

/**
 * @example
 * const built = clientRequest({ model: "openai/gpt-5.4-nano", input: "Hi" }, "r0", { url: "http://127.0.0.1:8787", api: "chat-completions", apiKey: "k", headers: {} });
 * if (built.ok) await fetch(built.call.url, built.call.init);
 */
export function clientRequest(body: Record<string, unknown>, id: string, target: ClientTarget): ClientRequest {
  const marker = correlationMarker(id);
  const base = target.url.replace(/\/+$/, "");
  const headers = { ...target.headers, [CORRELATION_HEADER]: id };
  if (target.api === "responses") {
    const marked = { ...body, input: markResponsesInput(body.input, marker) };
    const init = { method: "POST" as const, headers: { authorization: `Bearer ${target.apiKey}`, "content-type": "application/json", ...headers }, body: JSON.stringify(marked) };
    return { ok: true, call: { url: `${base}/v1/responses`, init }, stream: body.stream === true };
  }
  const parsed = responsesRequestSchema.safeParse(body);
  if (!parsed.success) return { ok: false, message: `cannot translate the request to ${target.api}: ${parsed.error.issues[0]?.message ?? "invalid body"}` };
  const r = parsed.data;
  if (r.model === undefined) return { ok: false, message: `cannot translate the request to ${target.api}: it names no model (presets live in the built-in gateway)` };
  const upstream: UpstreamRequest = {
    model: r.model,
    ...toUpstreamMessages(r),
    temperature: r.temperature,
    topP: r.topP,
    maxOutputTokens: r.maxOutputTokens,
    responseFormat: r.responseFormat,
    stop: typeof r.stop === "string" ? [r.stop] : r.stop,
    stream: r.stream,
  };
  const format = target.api === "chat-completions" ? "openai-chat" : "anthropic-messages";
  // Both mappers append their own path: /chat/completions below /v1, /v1/messages below the root.
  const call = adapterFor(format).buildRequest(markMessages(upstream, marker), { baseUrl: format === "openai-chat" ? `${base}/v1` : base, apiKey: target.apiKey });
  return { ok: true, call: { url: call.url, init: { ...call.init, headers: { ...call.init.headers, ...headers } } }, stream: r.stream };
}
