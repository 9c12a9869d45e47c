// When each event of a streamed answer is sent: the opening events with the first chunk at the
// time to first token, then one chunk per `chunk_tokens` tokens at the sampled tokens/s, then the
// closing events with the last chunk. Stream faults cut, corrupt or end the plan early.
import type { SseEvent } from "../../core/sse.js";
import { chunkText } from "../content/tokens.js";
import type { STREAM_FAULT_TYPES } from "../profile/fault-schema.js";
import type { StreamEvents } from "../wire/types.js";

export interface StreamFrame {
  /** Ms after the response headers. */
  at: number;
  events: SseEvent[];
  /** Content chunks among the events. */
  chunks: number;
}

export interface StreamPlan {
  frames: StreamFrame[];
  /** `disconnect`: the connection drops after the last frame instead of closing cleanly. */
  ending: "close" | "disconnect";
}

export interface StreamTiming {
  ttftMs: number;
  tokensPerSecond: number;
  chunkTokens: number;
}

export interface StreamFaultSpec {
  type: (typeof STREAM_FAULT_TYPES)[number];
  afterChunks: number | undefined;
  errorType: string | undefined;
}

/**
 * The send plan of one stream.
 *
 * @example
 * planStream(events, text, { ttftMs: 400, tokensPerSecond: 50, chunkTokens: 4 }, undefined).frames[1].at; // 480
 */
export function planStream(events: StreamEvents, text: string, timing: StreamTiming, fault: StreamFaultSpec | undefined): StreamPlan {
  const chunks = chunkText(text, timing.chunkTokens);
  const msPerChunk = (timing.chunkTokens / timing.tokensPerSecond) * 1000;
  const cut = Math.min(chunks.length, fault?.afterChunks ?? Math.floor(chunks.length / 2));
  const stopsEarly = fault !== undefined && ["truncate", "disconnect", "error_event"].includes(fault.type);
  const frames: StreamFrame[] = [];
  const push = (at: number, evs: SseEvent[], count: number) => {
    const last = frames[frames.length - 1];
    if (last && last.at === at) {
      last.events.push(...evs);
      last.chunks += count;
    } else frames.push({ at, events: evs, chunks: count });
  };
  push(timing.ttftMs, events.opening(), 0);
  for (let i = 0; i < chunks.length && !(stopsEarly && i >= cut); i++) {
    const chunk = chunks[i] as string;
    const corrupt = fault?.type === "malformed_chunk" && i === Math.min(cut, chunks.length - 1);
    push(timing.ttftMs + i * msPerChunk, corrupt ? events.malformed(chunk) : events.delta(chunk), 1);
  }
  const lastAt = frames[frames.length - 1]?.at ?? timing.ttftMs;
  if (fault?.type === "truncate") return { frames, ending: "close" };
  if (fault?.type === "disconnect") return { frames, ending: "disconnect" };
  if (fault?.type === "error_event") {
    push(lastAt, events.error(fault.errorType), 0);
    return { frames, ending: "close" };
  }
  push(lastAt, [...events.closing(), ...(fault?.type === "missing_final_event" ? [] : events.terminator())], 0);
  return { frames, ending: "close" };
}
