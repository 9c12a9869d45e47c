// The instant upstream without the network: the same answers as bench/http/upstream.ts, handed over
// as the keep-alive fetch hands real ones over (a text body for JSON, a node stream for SSE), so a
// pipeline calling it does everything gateway-sim's server does per request except upstream HTTP.
import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { withLinkedFetch } from "../../src/core/cancel-link.js";
import { nodeBodyResponse } from "../../src/core/node-body-response.js";
import { textBodyResponse } from "../../src/core/text-body-response.js";
import { ANSWER } from "../gateway.bench.js";
import { STREAM_ANSWER } from "./upstream.js";

const STREAM_BYTES = Buffer.from(STREAM_ANSWER);

/** The answers, as the keep-alive fetch hands them over. */
const answer = (async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const stream = typeof init?.body === "string" && /"stream"\s*:\s*true/.test(init.body);
  if (!stream) return textBodyResponse(ANSWER, { status: 200, headers: { "content-type": "application/json" } });
  // A node Readable stands in for the IncomingMessage: the stream pump uses only what both have.
  const body = Readable.from([STREAM_BYTES]) as unknown as IncomingMessage;
  return nodeBodyResponse(body, { status: 200, headers: [["content-type", "text/event-stream"]] });
}) as typeof fetch;

/**
 * Linked as the keep-alive fetch is (src/core/cancel-link.ts), so the pipeline cancels it the way it
 * cancels the server's real upstream calls: without an AbortSignal.
 *
 * @example
 * const gateway = benchGateway(inMemoryUpstreamFetch, "http://127.0.0.1:9");
 */
export const inMemoryUpstreamFetch = withLinkedFetch(answer, (url, init) => answer(url, init));
