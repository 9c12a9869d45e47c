// Sends a stream plan as bytes on the injected clock: each frame waits for its time, so a reader
// sees the first token at the time to first token and the pacing after, simulated or real.
import type { Clock } from "../../core/clock.js";
import { formatSseEvent, type SseEvent } from "../../core/sse.js";
import { StreamDisconnectError } from "./outcome.js";
import type { StreamPlan } from "./stream-plan.js";

/** How a stream ended, for the journal. */
export interface StreamEnd {
  endedAt: number;
  events: number;
  chunks: number;
  /** The client went away (request aborted or body cancelled) before the end. */
  aborted: boolean;
  body: string | undefined;
}

const encoder = new TextEncoder();

/**
 * A byte stream that writes `plan` on `clock`, calling `onEnd` once however it ends.
 *
 * @example
 * const body = pacedStream(plan, { clock, signal: request.signal, keepBody: false, onEnd: (end) => record(end) });
 */
export function pacedStream(
  plan: StreamPlan,
  options: {
    clock: Clock;
    signal: AbortSignal | undefined;
    keepBody: boolean;
    /** Binary framing (Bedrock event-stream); default: SSE text. */
    encode?: ((events: readonly SseEvent[]) => Uint8Array) | undefined;
    onEnd: (end: StreamEnd) => void;
  },
): ReadableStream<Uint8Array> {
  const { clock, signal } = options;
  const stop = new AbortController();
  const start = clock.now();
  let events = 0;
  let chunks = 0;
  let body = options.keepBody ? "" : undefined;
  let ended = false;
  const end = (aborted: boolean) => {
    if (ended) return;
    ended = true;
    signal?.removeEventListener("abort", onClientAbort);
    options.onEnd({ endedAt: clock.now(), events, chunks, aborted, body });
  };
  const onClientAbort = () => stop.abort(signal?.reason);
  // Erroring a stream discards chunks still queued; a disconnect waits for the reader to drain them.
  let drained: (() => void) | undefined;
  signal?.addEventListener("abort", onClientAbort, { once: true });
  return new ReadableStream<Uint8Array>({
    start(controller) {
      void (async () => {
        try {
          for (const frame of plan.frames) {
            const wait = start + frame.at - clock.now();
            if (wait > 0) await clock.sleep(wait, stop.signal);
            if (stop.signal.aborted) throw stop.signal.reason;
            const encode = options.encode;
            // The journal keeps a binary stream as one JSON line per event: its bytes are not text.
            const text = encode ? frame.events.map((e) => `${JSON.stringify(e)}\n`).join("") : frame.events.map(formatSseEvent).join("");
            controller.enqueue(encode ? encode(frame.events) : encoder.encode(text));
            events += frame.events.length;
            chunks += frame.chunks;
            if (body !== undefined) body += text;
          }
          end(false);
          if (plan.ending === "disconnect") {
            if ((controller.desiredSize ?? 1) <= 0) await new Promise<void>((resolve) => (drained = resolve));
            controller.error(new StreamDisconnectError());
          } else controller.close();
        } catch (error) {
          // The reader cancelled (nothing to report to it) or the request aborted (undici errors the body).
          if (signal?.aborted) controller.error(error);
          end(true);
        }
      })();
    },
    pull() {
      drained?.();
      drained = undefined;
    },
    cancel() {
      stop.abort(new DOMException("The stream was cancelled", "AbortError"));
    },
  });
}
