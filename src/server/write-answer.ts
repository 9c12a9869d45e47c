// Writes a gateway answer out, JSON in one write or an event stream, for the express routes and
// the raw hot path alike; an exception before any byte went out becomes the flat §8 error.
import type { ServerResponse } from "node:http";
import type { RequestInfo } from "../gateway/pipeline/prepare-stage.js";
import type { GatewayLike } from "./gateway-like.js";
import { sendError, toGatewayError } from "./send-error.js";
import type { SurfaceCall } from "./surfaces.js";
import { writeJson } from "./write-json.js";
import { writeSse } from "./write-sse.js";

/**
 * @example
 * await answerSurface(res, SURFACES["/v1/responses"], gateway, body, { headers: req.headers });
 */
export async function answerSurface(res: ServerResponse, call: SurfaceCall, gateway: GatewayLike, body: unknown, request: RequestInfo): Promise<void> {
  try {
    const response = await call(gateway, body, request);
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
