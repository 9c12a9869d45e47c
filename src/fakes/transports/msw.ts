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
  const origins = [...new Set(fleet.profiles().map((p) => new URL(p.base_url).origin))];
  const handlers = origins.map((origin) =>
    http.all(`${origin}/*`, async ({ request }) => {
      const pending = fleet.dispatch(fromRequest(request));
      const outcome = pending ? await pending : undefined;
      // Network faults become msw's network error: fetch rejects with a TypeError, as for a dropped connection.
      if (!outcome || outcome.kind === "network_error") return HttpResponse.error();
      return new Response(outcome.body, { status: outcome.status, headers: outcome.headers });
    }),
  );
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: "error" });
  return { close: () => server.close() };
}
