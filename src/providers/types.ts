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

/** Where and as whom an adapter calls. */
export interface UpstreamTarget {
  baseUrl: string;
  apiKey: string;
  /** Clock time of the call in ms (signatures that include the date). */
  now?: number | undefined;
}

/** Bytes in, whole events out; `end()` says whether bytes of an unfinished event were left. */
export interface StreamEventDecoder {
  push(bytes: Uint8Array): SseEvent[];
  /** Throws nothing; returns the events that completed with the last bytes. */
  end(): SseEvent[];
}

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
  /** `target.now` (ms, the gateway's clock) dates requests that sign with the time (Bedrock SigV4). */
  buildRequest(request: UpstreamRequest, target: UpstreamTarget): HttpCall;
  /** Parses a 2xx JSON body; throws GatewayError `upstream_invalid_response` when it is not the format. */
  parseResponse(body: unknown): UpstreamResult;
  /** A stateful mapper for one stream: SSE events in, deltas out. */
  createStreamMapper(): (event: SseEvent) => StreamDelta[];
  /**
   * For a stream that is not SSE (Bedrock's binary event stream): a stateful decoder from bytes to
   * events the mapper reads. Absent: the one SSE parser of src/core/sse.ts.
   */
  createEventDecoder?(): StreamEventDecoder;
  /** Maps a non-2xx answer to an attempt error (status kept for retryability). */
  parseError(status: number, body: unknown): GatewayError;
}
