// Writes a gateway event stream as `text/event-stream`: each event sent within the turn of the event
// loop it is ready in (no buffering beyond that), back-pressure respected, and the source stopped
// when the client leaves.
import type { ServerResponse } from "node:http";
import { formatSseEvent, type SseEvent } from "../core/sse.js";
import { hasSseBatches, nextSseBatch } from "../core/sse-batches.js";
import { hasReadySseBatches, NOT_READY, readySseBatch } from "../gateway/pipeline/ready-sse-batch.js";
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
 * Events that are ready together (one upstream chunk often carries several, an instant one all of
 * them) leave as one string in one write at the end of the turn of the event loop, the headers with
 * the first: not one chunk of the chunked encoding (four buffers of a writev) per event, and not a
 * separate write for the headers. Headers with no event ready by then go out alone.
 *
 * @example
 * await writeSse(res, 200, response.headers, response.events);
 */
export async function writeSse(res: ServerResponse, status: number, headers: Record<string, string>, events: AsyncIterable<SseEvent>): Promise<void> {
  // Object.assign, not `{ ...headers, ...SSE_HEADERS }`: on Node 20 two spreads into a literal make a
  // dictionary-mode object, ~1 KB per stream (the same keys, in the same order).
  res.writeHead(status, Object.assign({}, headers, SSE_HEADERS));
  res.socket?.setNoDelay(true);
  const iterator = events[Symbol.asyncIterator]();
  let closed = false;
  const onClose = () => {
    closed = true;
    // Lets a generator run its `finally` (cancel the upstream call) once its pending step settles.
    void iterator.return?.()?.catch(() => undefined);
  };
  res.on("close", onClose);
  const out = new TurnBuffer(res);
  try {
    if (hasSseBatches(iterator)) {
      // The gateway's own streams: a batch of ready events at a time, awaited only when it is not
      // ready yet (each await costs ~0.2 KB); each event still goes to the buffer on its own, and
      // the buffer writes once per turn of the event loop, so flushes and back-pressure waits fall
      // exactly where they did.
      const ready = hasReadySseBatches(iterator) ? iterator : undefined;
      for (;;) {
        let batch = ready === undefined ? NOT_READY : ready[readySseBatch]();
        if (batch === NOT_READY) batch = await iterator[nextSseBatch]();
        if (batch === undefined || closed) break;
        for (const text of batch) {
          if (out.add(text)) continue;
          await drained(res);
          if (closed) break;
        }
      }
    } else {
      for (;;) {
        const step = await iterator.next();
        if (step.done || closed) break;
        if (!out.add(formatSseEvent(step.value))) await drained(res);
      }
    }
  } catch (error) {
    if (!closed) out.add(formatSseEvent({ event: "error", data: JSON.stringify(toGatewayError(error).toJSON()) }));
  } finally {
    res.off("close", onClose);
    if (!closed && !res.writableEnded) out.end();
  }
}

/** The text of one turn of the event loop, written at its end (or sooner once it reaches the socket's high-water mark). */
class TurnBuffer {
  #pending = "";
  #scheduled = false;
  readonly #res: ServerResponse;

  constructor(res: ServerResponse) {
    this.#res = res;
    this.#schedule();
  }

  /** False when the socket wants the writer to wait for `drain` (as `res.write` would say). */
  add(text: string): boolean {
    this.#pending += text;
    if (this.#pending.length >= this.#res.writableHighWaterMark) this.flush();
    else this.#schedule();
    return !this.#res.writableNeedDrain;
  }

  flush(): void {
    const res = this.#res;
    if (res.writableEnded || res.destroyed) return;
    if (this.#pending === "") {
      if (!res.headersSent) res.flushHeaders();
      return;
    }
    const text = this.#pending;
    this.#pending = "";
    res.write(text);
  }

  end(): void {
    const text = this.#pending;
    this.#pending = "";
    this.#res.end(text);
  }

  #schedule(): void {
    if (this.#scheduled) return;
    this.#scheduled = true;
    setImmediate(this.#atTurnEnd);
  }

  /** One callback per stream, not one per turn of the event loop. */
  readonly #atTurnEnd = (): void => {
    this.#scheduled = false;
    this.flush();
  };
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
