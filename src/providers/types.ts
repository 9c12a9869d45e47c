// The provider-neutral shapes adapters map to and from: the gateway speaks only these; each
// adapter is a pure mapper between them and one wire format.
import type { GatewayError } from "../core/errors.js";
import type { SseEvent } from "../core/sse.js";
import type { WireFormat } from "./wire-formats.js";

export interface ChatMessage {
  role: "system" | "developer" | "user" | "assistant";
  content: string;
}

/** Requested output format, after the request's three spellings are normalised. */
export type ResponseFormat =
  | { type: "json_schema"; name: string; schema: Record<string, unknown>; strict?: boolean | undefined; description?: string | undefined }
  | { type: "json_object" }
  | { type: "text" };

/** What the gateway asks of one provider. */
export interface UpstreamRequest {
  /** The provider's own model id. */
  model: string;
  /** System prompt (preset prompt and request instructions already joined). */
  instructions?: string | undefined;
  messages: ChatMessage[];
  temperature?: number | undefined;
  topP?: number | undefined;
  maxOutputTokens?: number | undefined;
  responseFormat?: ResponseFormat | undefined;
  stop?: string[] | undefined;
  stream: boolean;
}

export const FINISH_REASONS = ["stop", "length", "content_filter", "tool_calls", "other"] as const;
export type FinishReason = (typeof FINISH_REASONS)[number];

export interface TokenUsage {
  inputTokens: number;
  outputTokens: number;
}

/** A complete provider answer, mapped. */
export interface UpstreamResult {
  id: string | undefined;
  model: string | undefined;
  text: string;
  finishReason: FinishReason;
  usage: TokenUsage;
}

/** One mapped stream step. */
export type StreamDelta =
  | { type: "start"; id: string | undefined; model: string | undefined }
  | { type: "text"; text: string }
  | { type: "usage"; usage: Partial<TokenUsage> }
  | { type: "finish"; finishReason: FinishReason }
  | { type: "error"; error: GatewayError };

/** An HTTP request ready for `fetch`. */
export interface HttpCall {
  url: string;
  init: { method: "POST"; headers: Record<string, string>; body: string };
}

/**
 * A wire-format adapter: pure functions, no I/O.
 *
 * @example
 * const call = openAiChatAdapter.buildRequest(upstreamRequest, { baseUrl, apiKey });
 */
export interface ProviderAdapter {
  format: WireFormat;
  buildRequest(request: UpstreamRequest, target: { baseUrl: string; apiKey: string }): HttpCall;
  /** Parses a 2xx JSON body; throws GatewayError `upstream_invalid_response` when it is not the format. */
  parseResponse(body: unknown): UpstreamResult;
  /** A stateful mapper for one stream: SSE events in, deltas out. */
  createStreamMapper(): (event: SseEvent) => StreamDelta[];
  /** Maps a non-2xx answer to an attempt error (status kept for retryability). */
  parseError(status: number, body: unknown): GatewayError;
}
