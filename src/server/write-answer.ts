// Writes a gateway answer out, JSON in one write or an event stream, for the express routes and
// the raw hot path alike; an exception before any byte went out becomes the flat §8 error.
import type { IncomingMessage, ServerResponse } from "node:http";
import type { GatewayLike } from "./gateway-like.js";
import { drainedAnswer, requestSignal } from "./in-flight.js";
import { sendError, toGatewayError } from "./send-error.js";
import type { SurfaceCall } from "./surfaces.js";
import { writeJson } from "./write-json.js";
import { writeSse } from "./write-sse.js";

/**
 * The gateway reads the request's headers, and its cancel signal when a drain tracks it (serve).
 *
 * @example
 * await answerSurface(req, res, SURFACES["/v1/responses"], gateway, body);
 */
export async function answerSurface(req: IncomingMessage, res: ServerResponse, call: SurfaceCall, gateway: GatewayLike, body: unknown): Promise<void> {
  try {
    const response = drainedAnswer(req, await call(gateway, body, { headers: req.headers, signal: requestSignal(req) }));
    // A drain that could not wait any longer has answered already.
    if (res.headersSent) return;
    if (response.kind === "json") {
      writeJson(res, response.status, response.headers, response.body);
      return;
    }
    // The usage record settles on its own; the server only writes the events.
    response.record?.catch(() => undefined);
    await writeSse(res, response.status, response.headers, response.events);
  } catch (error) {
    // Once a stream has started the status line is gone; all that is left is to stop.
    if (res.headersSent) res.end();
    else sendError(res, toGatewayError(error));
  }
}
