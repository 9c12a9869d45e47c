// The speed to give a replayed stream so it lasts as long as the logged one. The gateway logs the
// speed it measured (output tokens over the time after the first token), but a fake sends the first
// chunk at the first token and one chunk per `chunk_tokens` after it: a stream of n chunks spends
// (n − 1) chunk times generating, so replaying the measured speed as the drawn one makes every
// stream faster (32 tokens in chunks of 4: 8/7, +14 %) and skews the health throughput averages
// that `sort: throughput` ranks on.
import { PROFILE_DEFAULTS } from "../fakes/profile/schema.js";
import type { ReplayRecord } from "./read-usage-log.js";

/**
 * The tokens/s a replay profile (default `chunk_tokens`) must draw to reproduce the record's
 * streaming time; the logged speed when the record cannot tell (not streamed, one chunk, no time).
 * `ttft_ms` counts from the answering attempt's start and `latency_ms` from the request's, so a
 * stream that failed over first spent `answerStartMs` (the failed attempts) before either.
 *
 * @example
 * // 32 tokens, first token at 1051.6 ms, done at 1555.0 ms: 7 chunk times of 4 tokens in 503.5 ms
 * replayThroughput(record); // 55.6 (the gateway measured 32 / 0.5035 s = 63.6)
 */
export function replayThroughput(record: Pick<ReplayRecord, "stream" | "latency_ms" | "ttft_ms" | "throughput_tps" | "usage">, answerStartMs = 0): number | undefined {
  const logged = record.throughput_tps ?? undefined;
  if (!record.stream || record.ttft_ms === null) return logged;
  const chunkTokens = PROFILE_DEFAULTS.chunkTokens;
  const chunks = Math.ceil(record.usage.output_tokens / chunkTokens);
  const generationMs = record.latency_ms - answerStartMs - record.ttft_ms;
  if (chunks < 2 || !(generationMs > 0)) return logged;
  return ((chunks - 1) * chunkTokens * 1000) / generationMs;
}
