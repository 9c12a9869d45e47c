// Writes a gateway event stream as `text/event-stream`: each event sent within the turn of the event
// loop it is ready in (no buffering beyond that), back-pressure respected, and the source stopped
// when the client leaves.
import type { ServerResponse } from "node:http";
import { formatSseEvent, type SseEvent } from "../core/sse.js";
import { toGatewayError } from "./send-error.js";

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache",
  connection: "keep-alive",
  // Proxies such as nginx would otherwise buffer the stream.
  "x-accel-buffering": "no",
} as const;

/**
 * Resolves when the stream ended or the client disconnected. An exception from the source after
 * the headers went out is sent as a final `event: error` carrying the flat §8 error body.
 *
 * @example
 * await writeSse(res, 200, response.headers, response.events);
 */
export async function writeSse(res: ServerResponse, status: number, headers: Record<string, string>, events: AsyncIterable<SseEvent>): Promise<void> {
  res.writeHead(status, { ...headers, ...SSE_HEADERS });
  res.flushHeaders();
  res.socket?.setNoDelay(true);
  const iterator = events[Symbol.asyncIterator]();
  let closed = false;
  const onClose = () => {
    closed = true;
    // Lets a generator run its `finally` (cancel the upstream call) once its pending step settles.
    void iterator.return?.()?.catch(() => undefined);
  };
  res.on("close", onClose);
  // Events that are ready together (one upstream chunk often carries several) leave in one write:
  // the socket is corked at the first and uncorked at the end of this turn of the event loop.
  let corked = false;
  const write = (text: string): boolean => {
    if (!corked) {
      corked = true;
      res.cork();
      setImmediate(() => {
        corked = false;
        res.uncork();
      });
    }
    return res.write(text);
  };
  try {
    for (;;) {
      const step = await iterator.next();
      if (step.done || closed) break;
      if (!write(formatSseEvent(step.value))) await drained(res);
    }
  } catch (error) {
    if (!closed) write(formatSseEvent({ event: "error", data: JSON.stringify(toGatewayError(error).toJSON()) }));
  } finally {
    res.off("close", onClose);
    if (!closed && !res.writableEnded) res.end();
  }
}

function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}
