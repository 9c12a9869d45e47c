// A fake `fetch` for adapter and invokeProvider tests: each call is answered by a script whose delays
// run on the injected Clock, and which honours the request's AbortSignal like a real fetch.
import type { Clock } from "../../core/clock.js";

/** What a fake call received. */
export interface CapturedRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** How to answer one call. */
export type Script =
  | {
      kind: "response";
      status?: number;
      headers?: Record<string, string>;
      /** Simulated ms before the headers arrive. */
      headersAfterMs?: number;
      /** Body pieces, each sent after its own delay. */
      chunks?: Array<{ afterMs?: number; text: string }>;
      /** Keep the body open after the last chunk (a provider that stalls). */
      hang?: boolean;
    }
  | { kind: "network-error"; afterMs?: number; error: Error };

/**
 * A fetch answering with `respond(request)`; `requests` records every call.
 *
 * @example
 * const fake = scriptedFetch(clock, () => ({ kind: "response", chunks: [{ text: "{}" }] }));
 * await fake.fetch("https://api.openai.com/v1/chat/completions", { method: "POST", body: "{}" });
 */
export function scriptedFetch(clock: Clock, respond: (request: CapturedRequest) => Script): { fetch: typeof fetch; requests: CapturedRequest[] } {
  const requests: CapturedRequest[] = [];
  async function fakeFetch(input: string | URL | Request, init?: RequestInit): Promise<Response> {
    const headers = Object.fromEntries(new Headers(init?.headers).entries());
    const request = { url: String(input), method: init?.method ?? "GET", headers, body: typeof init?.body === "string" ? init.body : "" };
    requests.push(request);
    const script = respond(request);
    const signal = init?.signal ?? undefined;
    if (script.kind === "network-error") {
      await clock.sleep(script.afterMs ?? 0, signal);
      throw script.error;
    }
    await clock.sleep(script.headersAfterMs ?? 0, signal);
    return new Response(scriptedBody(clock, script.chunks ?? [], script.hang ?? false, signal), {
      status: script.status ?? 200,
      headers: script.headers ?? {},
    });
  }
  return { fetch: fakeFetch, requests };
}

function scriptedBody(
  clock: Clock,
  chunks: Array<{ afterMs?: number; text: string }>,
  hang: boolean,
  signal: AbortSignal | undefined,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async start(controller) {
      try {
        for (const chunk of chunks) {
          await clock.sleep(chunk.afterMs ?? 0, signal);
          controller.enqueue(encoder.encode(chunk.text));
        }
        if (!hang) controller.close();
        else signal?.addEventListener("abort", () => controller.error(signal.reason), { once: true });
      } catch (error) {
        // Aborted mid-body: the body errors, as a real fetch's does.
        controller.error(error);
      }
    },
  });
}
