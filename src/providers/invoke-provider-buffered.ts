// A non-streamed answer fetched the way the reference's shared OpenAI-compatible executor fetches it
// (executors/_shared/text-generate/openai-compat/index.ts:101, 352-353, 882-884, 965): the upstream is
// asked for a stream, which is read to the end and buffered; `ttftMs` is the first text delta (the
// latency the reference samples), `durationMs` the last event (its generation time).
import { invokeProviderStream, type InvokeProviderOptions, type InvokeResult } from "./invoke-provider.js";

/**
 * Performs one upstream call as a buffered stream and answers like `invokeProvider`.
 *
 * A failure before the first delta is the stream's failure; a failure after it (a stream cut short,
 * an error event) fails the whole attempt with the stream's status (200), as a thrown error would.
 *
 * @example
 * const outcome = await invokeProviderBuffered({ adapter, fetch, clock, request, target, timeoutMs: 600_000 });
 * if (outcome.ok) console.log(outcome.result.text, outcome.ttftMs, outcome.durationMs);
 */
export async function invokeProviderBuffered(options: InvokeProviderOptions): Promise<InvokeResult> {
  const started = await invokeProviderStream(options);
  if (!started.ok) return started;
  const end = await started.done;
  if ("error" in end) return { ok: false, error: end.error, status: started.status, durationMs: end.durationMs };
  return { ok: true, result: end.result, status: started.status, ttftMs: started.ttftMs, durationMs: end.durationMs };
}
