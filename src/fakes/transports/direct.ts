// The direct transport: a fetch function answering from the fakes with no interception at all,
// failing the way undici's fetch fails (TypeError "fetch failed" with the system error as cause).
import type { FakeHttpRequest, FakeOutcome } from "../provider/outcome.js";
import { fetchFailureFor, networkError } from "../provider/outcome.js";
import { textBodyResponse } from "../../core/text-body-response.js";
import { lazyHeaders } from "../../core/lazy-headers.js";

const parseUrl = (href: string): URL => new URL(href);

/**
 * A fetch-style request (string, URL or Request plus init) in the fakes' terms. `urlOf` parses the
 * URL of a string or URL input (the fleet's keeps the URLs it has parsed: the fakes only read them).
 */
export function toFakeRequest(input: string | URL | Request, init?: RequestInit, urlOf: (href: string) => URL = parseUrl): FakeHttpRequest {
  if (input instanceof Request && init === undefined) {
    return { method: input.method, url: new URL(input.url), headers: input.headers, text: () => input.text(), signal: input.signal };
  }
  if (input instanceof Request) return toFakeRequest(new Request(input, init));
  const body = init?.body;
  return {
    method: (init?.method ?? "GET").toUpperCase(),
    url: urlOf(String(input)),
    // get() alone (what the fakes ask) never fills the real list: see lazy-headers.ts.
    headers: lazyHeaders(init?.headers),
    // Strings are the common case (gateways send JSON text); anything else goes through Response.
    text: () => (typeof body === "string" ? Promise.resolve(body) : body == null ? Promise.resolve("") : new Response(body).text()),
    signal: init?.signal ?? undefined,
  };
}

/** The fetch Response for an outcome; network faults reject like fetch. */
export function toResponse(outcome: FakeOutcome): Response {
  if (outcome.kind === "network_error") throw fetchFailureFor(outcome.fault);
  const init = { status: outcome.status, headers: outcome.headers };
  return typeof outcome.body === "string" ? textBodyResponse(outcome.body, init) : new Response(outcome.body, init);
}

/** What fetch rejects with for a host no fake answers: a DNS failure. */
export function unknownHostError(host: string): TypeError {
  return networkError("ENOTFOUND", `getaddrinfo ENOTFOUND ${host}`);
}
