// The instant upstream without the network: the same answers as bench/http/upstream.ts, handed over
// as the keep-alive fetch hands real ones over (a text body for JSON, a pushed body for SSE), so a
// pipeline calling it does everything gateway-sim's server does per request except upstream HTTP.
import { withLinkedFetch } from "../../src/core/cancel-link.js";
import { PushedBody } from "../../src/core/pushed-body.js";
import { streamedBodyResponse } from "../../src/core/streamed-body-response.js";
import { textBodyResponse } from "../../src/core/text-body-response.js";
import { ANSWER } from "../gateway.bench.js";
import { STREAM_ANSWER } from "./upstream.js";

const STREAM_BYTES = Buffer.from(STREAM_ANSWER);
/** No socket behind the body: nothing to pause or close. */
const IDLE_SOURCE = { pause: () => {}, resume: () => {}, abort: () => {} };

/** The answers, as the keep-alive fetch hands them over. */
const answer = (async (_url: string | URL | Request, init?: RequestInit): Promise<Response> => {
  const stream = typeof init?.body === "string" && /"stream"\s*:\s*true/.test(init.body);
  if (!stream) return textBodyResponse(ANSWER, { status: 200, headers: { "content-type": "application/json" } });
  // The whole answer in one chunk, as one socket read brings it.
  const body = new PushedBody(IDLE_SOURCE);
  body.push(STREAM_BYTES);
  body.end();
  return streamedBodyResponse(body, { status: 200, headers: [["content-type", "text/event-stream"]] });
}) as typeof fetch;

/**
 * Linked as the keep-alive fetch is (src/core/cancel-link.ts), so the pipeline cancels it the way it
 * cancels the server's real upstream calls: without an AbortSignal.
 *
 * @example
 * const gateway = benchGateway(inMemoryUpstreamFetch, "http://127.0.0.1:9");
 */
export const inMemoryUpstreamFetch = withLinkedFetch(answer, (url, init) => answer(url, init));
