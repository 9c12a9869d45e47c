// The msw transport: intercepts the process's real fetch to the providers' real base URLs (e.g.
// https://api.openai.com/v1/chat/completions) and answers from the fleet, in-process.
import { http, HttpResponse } from "msw";
import { setupServer } from "msw/node";
import type { FakeFleet } from "../fleet.js";
import type { FakeHttpRequest } from "../provider/outcome.js";

export interface MswInterception {
  close(): void;
}

function fromRequest(request: Request): FakeHttpRequest {
  return { method: request.method, url: new URL(request.url), headers: request.headers, text: () => request.text(), signal: request.signal };
}

/**
 * Starts intercepting every fake's host; any other request fails (`onUnhandledRequest: "error"`),
 * so a test can never reach a real provider by mistake. Only one interception at a time.
 *
 * @example
 * const msw = startMswInterception(fleet);
 * const gateway = createGateway({ fetch: globalThis.fetch, ... });
 * msw.close();
 */
export function startMswInterception(fleet: FakeFleet): MswInterception {
  const prefixes = [...new Set(fleet.profiles().map((p) => `${new URL(p.base_url).origin}/`))];
  // One handler with a predicate rather than one `${origin}/*` pattern per host: msw compiles a
  // path pattern on every request for every handler it tries, which cost more than the fakes' work.
  const handler = http.all(
    ({ request }) => prefixes.some((prefix) => request.url.startsWith(prefix)),
    async ({ request }) => {
      const pending = fleet.dispatch(fromRequest(request));
      const outcome = pending ? await pending : undefined;
      // Network faults become msw's network error: fetch rejects with a TypeError, as for a dropped connection.
      if (!outcome || outcome.kind === "network_error") return HttpResponse.error();
      // A plain Response: the interceptor reads its body stream to build the Response fetch resolves with.
      return new Response(outcome.body, { status: outcome.status, headers: outcome.headers });
    },
  );
  const server = setupServer(handler);
  server.listen({ onUnhandledRequest: "error" });
  return { close: () => server.close() };
}
