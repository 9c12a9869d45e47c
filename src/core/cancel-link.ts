// How the gateway's own upstream call cancels gateway-sim's keep-alive fetch without an AbortSignal:
// an AbortSignal is an EventTarget (about 1.4 KB and microseconds of listener work per call), and
// the keep-alive fetch needs no more than one callback. Internal: not exported from src/index.ts.

/**
 * The caller's side of a cancellable call: the fetch reads `cancelReason` before it sends, and sets
 * `onCancel` while its request can still be cancelled; the link calls `onCancel` once, on cancel.
 */
export interface CancelLink {
  /** Why the call was cancelled (what the fetch rejects with); undefined while it was not. */
  readonly cancelReason: unknown;
  onCancel: ((reason: unknown) => void) | undefined;
}

/** The method, headers and string body every adapter's request has (types.ts `HttpCall`). */
export interface LinkedInit {
  method: string;
  headers: Record<string, string>;
  body: string;
}

/** A fetch that is cancelled through a {@link CancelLink} instead of `init.signal`. */
export type LinkedFetch = (url: string, init: LinkedInit, link: CancelLink) => Promise<Response>;

const LINKED = Symbol("gateway-sim.linkedFetch");

type MaybeLinked = typeof fetch & { [LINKED]?: LinkedFetch };

/**
 * Marks `fetch` as also callable through `linked` (the same requests, cancelled through a link).
 *
 * @example
 * return withLinkedFetch(keepAliveFetch, (url, init, link) => send(url, init, undefined, link));
 */
export function withLinkedFetch(fetch: typeof globalThis.fetch, linked: LinkedFetch): typeof globalThis.fetch {
  Object.defineProperty(fetch, LINKED, { value: linked });
  return fetch;
}

/**
 * The linked form of `fetch`, when it has one; any other fetch (undici, msw's, a test's, a user's)
 * has none and is handed a real AbortSignal.
 *
 * @example
 * const linked = linkedFetchOf(options.fetch);
 * const response = linked ? await linked(url, init, exchange) : await options.fetch(url, { ...init, signal });
 */
export function linkedFetchOf(fetch: typeof globalThis.fetch): LinkedFetch | undefined {
  return (fetch as MaybeLinked)[LINKED];
}
