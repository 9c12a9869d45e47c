// Reads an outside gateway's answer in the API it was asked in: status, error code, token usage,
// text, time to first token and total latency, all on the run's (sped-up) clock. Chat-completions
// and anthropic-messages answers go through the same adapters that read real providers.
import type { Clock } from "../../core/clock.js";
import { parseSseStream } from "../../core/sse.js";
import { adapterFor } from "../../providers/registry.js";
import type { StreamDelta } from "../../providers/types.js";
import { outputText } from "../../scenarios/run/schema-validity.js";
import type { GatewayApi } from "./gateway-apis.js";

export interface ClientAnswer {
  /** 0 when no HTTP answer arrived (connection refused or dropped). */
  httpStatus: number;
  status: "completed" | "incomplete" | "failed";
  errorCode: string | null;
  usage: { input: number; output: number } | undefined;
  text: string | undefined;
  ttftMs: number | null;
  latencyMs: number;
  /** The answer as a Responses body (what the report and schema checks read); undefined for streams. */
  body: unknown;
}

type Timing = { clock: Clock; sentAt: number };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `error.code`, else `error.type`, else a top-level `code`: the shapes gateways answer errors in. */
function errorCodeOf(body: unknown): string | null {
  if (!isObject(body)) return null;
  const error = body.error;
  if (isObject(error)) {
    if (typeof error.code === "string") return error.code;
    if (typeof error.type === "string") return error.type;
  }
  return typeof body.code === "string" ? body.code : null;
}

/** A Responses-shaped body around plain text, so one schema check serves every API. */
function asResponsesBody(text: string, status: string): unknown {
  return { object: "response", status, output: [{ type: "message", role: "assistant", content: [{ type: "output_text", text }] }] };
}

function failed(httpStatus: number, errorCode: string | null, t: Timing, body: unknown): ClientAnswer {
  return { httpStatus, status: "failed", errorCode, usage: undefined, text: undefined, ttftMs: null, latencyMs: t.clock.now() - t.sentAt, body };
}

async function jsonOf(response: Response): Promise<unknown> {
  const text = await response.text();
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

function responsesJson(response: Response, body: unknown, t: Timing): ClientAnswer {
  if (!isObject(body)) return failed(response.status, "invalid_response", t, body);
  const status = body.status === "incomplete" ? "incomplete" : body.status === "failed" ? "failed" : "completed";
  const usage =
    isObject(body.usage) && typeof body.usage.input_tokens === "number" && typeof body.usage.output_tokens === "number"
      ? { input: body.usage.input_tokens, output: body.usage.output_tokens }
      : undefined;
  return { httpStatus: response.status, status, errorCode: status === "failed" ? errorCodeOf(body) : null, usage, text: outputText(body), ttftMs: null, latencyMs: t.clock.now() - t.sentAt, body };
}

async function responsesStream(response: Response, body: ReadableStream<Uint8Array>, t: Timing): Promise<ClientAnswer> {
  let ttft: number | null = null;
  let text = "";
  let final: unknown;
  let errorCode: string | null = null;
  for await (const event of parseSseStream(body)) {
    const data: unknown = event.data === "[DONE]" ? undefined : JSON.parse(event.data);
    if (!isObject(data)) continue;
    if (data.type === "response.output_text.delta" && typeof data.delta === "string") {
      ttft ??= t.clock.now() - t.sentAt;
      text += data.delta;
    } else if (data.type === "response.completed" || data.type === "response.incomplete" || data.type === "response.failed") final = data.response;
    else if (data.type === "error") errorCode = typeof data.code === "string" ? data.code : "stream_error";
  }
  const answer = responsesJson(response, final, t);
  if (errorCode !== null) return { ...answer, status: "failed", errorCode, ttftMs: ttft, body: undefined };
  return { ...answer, text, ttftMs: ttft, body: undefined };
}

async function chatStream(api: Exclude<GatewayApi, "responses">, response: Response, body: ReadableStream<Uint8Array>, t: Timing): Promise<ClientAnswer> {
  const map = adapterFor(api === "chat-completions" ? "openai-chat" : "anthropic-messages").createStreamMapper();
  let ttft: number | null = null;
  let text = "";
  const usage = { input: 0, output: 0 };
  let sawUsage = false;
  let finish: StreamDelta | undefined;
  let errorCode: string | null = null;
  for await (const event of parseSseStream(body)) {
    for (const delta of map(event)) {
      if (delta.type === "text") {
        ttft ??= t.clock.now() - t.sentAt;
        text += delta.text;
      } else if (delta.type === "usage") {
        sawUsage = true;
        usage.input = delta.usage.inputTokens ?? usage.input;
        usage.output = delta.usage.outputTokens ?? usage.output;
      } else if (delta.type === "finish") finish = delta;
      else if (delta.type === "error") errorCode = delta.error.code;
    }
  }
  const latencyMs = t.clock.now() - t.sentAt;
  if (errorCode !== null || finish === undefined) {
    return { httpStatus: response.status, status: "failed", errorCode: errorCode ?? "stream_incomplete", usage: undefined, text, ttftMs: ttft, latencyMs, body: undefined };
  }
  const status = finish.type === "finish" && finish.finishReason === "length" ? "incomplete" : "completed";
  return { httpStatus: response.status, status, errorCode: null, usage: sawUsage ? usage : undefined, text, ttftMs: ttft, latencyMs, body: undefined };
}

function chatJson(api: Exclude<GatewayApi, "responses">, response: Response, body: unknown, t: Timing): ClientAnswer {
  try {
    const result = adapterFor(api === "chat-completions" ? "openai-chat" : "anthropic-messages").parseResponse(body);
    const status = result.finishReason === "length" ? "incomplete" : "completed";
    const usage = { input: result.usage.inputTokens, output: result.usage.outputTokens };
    return { httpStatus: response.status, status, errorCode: null, usage, text: result.text, ttftMs: null, latencyMs: t.clock.now() - t.sentAt, body: asResponsesBody(result.text, status) };
  } catch {
    return failed(response.status, "invalid_response", t, body);
  }
}

/**
 * @example
 * const answer = await readClientAnswer("chat-completions", await fetch(url, init), false, { clock, sentAt });
 */
export async function readClientAnswer(api: GatewayApi, response: Response, stream: boolean, timing: Timing): Promise<ClientAnswer> {
  const sse = (response.headers.get("content-type") ?? "").includes("text/event-stream");
  if (response.status < 200 || response.status >= 300) {
    const body = await jsonOf(response);
    return failed(response.status, errorCodeOf(body), timing, body);
  }
  if (stream && sse && response.body) {
    return api === "responses" ? responsesStream(response, response.body, timing) : chatStream(api, response, response.body, timing);
  }
  const body = await jsonOf(response);
  return api === "responses" ? responsesJson(response, body, timing) : chatJson(api, response, body, timing);
}

/** The answer to a request that got no HTTP response at all. */
export function networkFailure(timing: Timing): ClientAnswer {
  return failed(0, "client_network_error", timing, undefined);
}
