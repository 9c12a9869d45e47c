// What a fake wire format provides: request validation into one normalised request, and every
// body, header and stream event the real provider sends, so the engine never knows the format.
import type { SseEvent } from "../../core/sse.js";
import type { WireFormat } from "../../providers/wire-formats.js";
import type { RequestedFormat } from "../content/compose-content.js";

/** A valid chat request, normalised across wire formats. */
export interface FakeChatRequest {
  /** The provider's model id as requested. */
  model: string;
  stream: boolean;
  /** Whether a stream ends with usage figures (OpenAI: `stream_options.include_usage`; Anthropic: always). */
  includeUsage: boolean;
  maxTokens: number | undefined;
  format: RequestedFormat;
  /** Every piece of request text that counts as input tokens (system, messages, schema). */
  inputText: string;
  messageCount: number;
}

/** One answer as the engine produced it; usage undefined means "omitted" (the wrong_usage fault). */
export interface FakeAnswer {
  id: string;
  model: string;
  /** Unix seconds. */
  created: number;
  text: string;
  finishReason: "stop" | "length";
  usage: { input: number; output: number } | undefined;
  /** OpenAI `system_fingerprint`, fixed per provider. */
  fingerprint: string;
}

/** A complete HTTP answer. */
export interface WireReply {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

/** Every error a fake can answer with, in provider-neutral terms; each wire renders its own body. */
export type WireErrorCase =
  | { kind: "missing_key" }
  | { kind: "wrong_key"; key: string }
  | { kind: "missing_version" }
  | { kind: "invalid_json" }
  | { kind: "invalid_request"; message: string; param: string | null; code: string | null }
  | { kind: "not_found_path"; method: string; path: string }
  | { kind: "model_not_found"; model: string }
  | { kind: "structured_output_unsupported"; model: string }
  | { kind: "max_tokens_too_large"; model: string; requested: number; limit: number }
  | { kind: "rate_limited"; limit: "requests" | "tokens"; model: string; max: number; used: number; requested: number; retryAfterMs: number }
  | { kind: "overloaded" }
  | { kind: "status"; status: number; message: string | undefined };

/** Rate-limit figures for the response headers. */
export interface RateLimitSnapshot {
  requests: { limit: number; remaining: number; resetAt: number } | undefined;
  tokens: { limit: number; remaining: number; resetAt: number } | undefined;
  now: number;
}

/** The events of one answer's stream, in the order the provider sends them. */
export interface StreamEvents {
  /** Sent with the first content chunk (OpenAI role chunk; Anthropic message_start, content_block_start, ping). */
  opening(): SseEvent[];
  delta(text: string): SseEvent[];
  /** Finish reason and usage (OpenAI finish chunk and usage chunk; Anthropic content_block_stop and message_delta). */
  closing(): SseEvent[];
  /** The terminator the missing_final_event fault drops (`data: [DONE]`; `message_stop`). */
  terminator(): SseEvent[];
  /** A mid-stream error event. */
  error(errorType: string | undefined): SseEvent[];
  /** One delta event with its JSON cut in half (the malformed_chunk fault). */
  malformed(text: string): SseEvent[];
}

/** What a path-addressed endpoint says about the request. */
export interface PathRequest {
  model: string;
  stream: boolean;
}

export type ParseResult = { ok: true; request: FakeChatRequest } | { ok: false; error: WireErrorCase };

/**
 * A wire format as the fakes speak it.
 *
 * @example
 * const parsed = openAiChatWire.parseRequest(body, headers);
 */
export interface FakeWire {
  format: WireFormat;
  /** The chat endpoint below the base URL: "/chat/completions" or "/v1/messages". */
  endpoint: string;
  /**
   * For formats that name the model and the mode in the URL (Gemini `/v1beta/models/{m}:generateContent`,
   * Bedrock `/model/{m}/converse-stream`): the model and stream flag of a path, undefined when the path
   * is not the endpoint. Without it, the path must equal `endpoint`.
   */
  matchPath?(relativePath: string, url: URL): PathRequest | undefined;
  /** The header carrying the provider's request id. */
  requestIdHeader: string;
  /** Authentication and required headers (and, for Gemini, the `?key=` query); an error case when they fail. */
  checkHeaders(headers: Headers, apiKey: string | undefined, url?: URL): WireErrorCase | undefined;
  parseRequest(body: unknown, headers: Headers, path?: PathRequest): ParseResult;
  /** Content type of a streamed answer (default `text/event-stream; charset=utf-8`). */
  streamContentType?: string;
  /** Bytes of a group of stream events; default: the one SSE writer. Bedrock frames them as event-stream messages. */
  encodeEvents?(events: readonly SseEvent[]): Uint8Array;
  errorReply(error: WireErrorCase, requestId: string): WireReply;
  jsonBody(answer: FakeAnswer): unknown;
  streamEvents(answer: FakeAnswer, request: FakeChatRequest): StreamEvents;
  /** A fresh record on every call: callers add their own headers to it. */
  rateLimitHeaders(snapshot: RateLimitSnapshot): Record<string, string>;
  /**
   * Whether a rate-limited answer carries `retry-after` (OpenAI, Anthropic: yes; Gemini puts the delay
   * in the body's RetryInfo, Bedrock sends none). Default true.
   */
  sendsRetryAfter?: boolean;
}
