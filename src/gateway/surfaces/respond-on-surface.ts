// One request on any surface: decode the surface's body into the pipeline's request, run the one
// pipeline (on that surface's own health and cache, as the reference keys both by endpoint), and
// encode its answer back in the surface's shape. Errors keep the one flat gateway shape everywhere.
import type { GatewayError } from "../../core/errors.js";
import type { GatewayResponse } from "../create-gateway.js";
import type { GatewayEnv } from "../pipeline/gateway-env.js";
import { checkBodyBounds } from "../pipeline/bounds-stage.js";
import { handleResponses } from "../pipeline/handle-responses.js";
import { debugHeader, type RequestInfo } from "../pipeline/prepare-stage.js";
import { errorRecord, finishRequest } from "../pipeline/usage-record.js";
import { decodeChatRequest } from "./chat-completions/decode-chat-request.js";
import { encodeChatResponse } from "./chat-completions/encode-chat-response.js";
import { encodeChatStream } from "./chat-completions/encode-chat-stream.js";
import { decodeMessagesRequest } from "./messages/decode-messages-request.js";
import { encodeMessagesResponse } from "./messages/encode-messages-response.js";
import { encodeMessagesStream } from "./messages/encode-messages-stream.js";
import type { GatewaySurface } from "./surfaces.js";

/** A body the surface could not decode: a 400 with its own id and usage record, like any other. */
function undecodable(body: unknown, error: GatewayError, env: GatewayEnv, given: string | undefined): GatewayResponse {
  const id = given ?? env.newId();
  const seq = env.nextSeq();
  const startedAt = env.clock.now();
  env.onEvent?.({ type: "request:start", id, at: startedAt });
  const stream = typeof body === "object" && body !== null && (body as { stream?: unknown }).stream === true;
  const model = typeof body === "object" && body !== null && typeof (body as { model?: unknown }).model === "string" ? (body as { model: string }).model : null;
  const base = { id, seq, startedAt, preset: null, model, stream, diagnostics: null, cache: null, attempts: [], pluginExecutions: [], wantsDiagnostics: false };
  const record = errorRecord(base, error, startedAt);
  finishRequest(record, env);
  return { kind: "json", status: error.status, headers: { "content-type": "application/json", "x-generation-id": id }, body: error.toBody(id), record };
}

/** `meta: true`, or debug (the body's `debug.enabled` or a debug header), turns meta on (before/index.ts:263-268, 969). */
function metaAsked(body: unknown, request: RequestInfo | undefined): boolean {
  const fields = typeof body === "object" && body !== null ? (body as { meta?: unknown; debug?: { enabled?: unknown } }) : {};
  return fields.meta === true || Boolean(fields.debug?.enabled) || debugHeader(request);
}

/**
 * @example
 * const response = await respondOnSurface("messages", { model: "anthropic/claude-haiku-4-5", max_tokens: 100, messages }, env);
 */
export async function respondOnSurface(surface: GatewaySurface, body: unknown, env: GatewayEnv, request?: RequestInfo): Promise<GatewayResponse> {
  switch (surface) {
    case "responses":
      return handleResponses(body, env, request);
    case "chat.completions": {
      // The bounds come before the surface's decoder walks the body (handleResponses checks the decoded one again).
      const outOfBounds = checkBodyBounds(body, env.settings.limits);
      if (outOfBounds) return undecodable(body, outOfBounds, env, request?.id);
      const decoded = decodeChatRequest(body);
      if (!decoded.ok) return undecodable(body, decoded.error, env, request?.id);
      const response = await handleResponses(decoded.body, env, request);
      if (response.kind === "stream") return { ...response, events: encodeChatStream(response.events, { includeUsage: decoded.includeUsage }) };
      return { ...response, body: encodeChatResponse(response.body, response.record.selected_provider, { meta: metaAsked(decoded.body, request) }) };
    }
    case "messages": {
      const outOfBounds = checkBodyBounds(body, env.settings.limits);
      if (outOfBounds) return undecodable(body, outOfBounds, env, request?.id);
      const decoded = decodeMessagesRequest(body);
      if (!decoded.ok) return undecodable(body, decoded.error, env, request?.id);
      const response = await handleResponses(decoded.body, env, request);
      if (response.kind === "stream") return { ...response, events: encodeMessagesStream(response.events) };
      return { ...response, body: encodeMessagesResponse(response.body, { fidelity: env.settings.fidelity, upstreamText: response.upstreamText }) };
    }
  }
}
