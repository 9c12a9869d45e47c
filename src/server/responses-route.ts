// POST /v1/responses: hands the parsed JSON body to the gateway and writes its answer out as
// JSON or as an event stream. No express object reaches the gateway.
import type { RequestHandler } from "express";
import { GatewayError } from "../core/errors.js";
import type { GatewayLike } from "./gateway-like.js";
import { drainedAnswer, requestSignal } from "./in-flight.js";
import { hasEmptyBody } from "./json-body.js";
import { sendError } from "./send-error.js";
import { writeSse } from "./write-sse.js";

/**
 * @example
 * app.post("/v1/responses", jsonBody(), responsesRoute(gateway));
 */
export function responsesRoute(gateway: GatewayLike): RequestHandler {
  return async function responsesHandler(req, res) {
    if (hasEmptyBody(req)) {
      sendError(res, new GatewayError("invalid_json", "Request body is empty: send a JSON object."));
      return;
    }
    const response = drainedAnswer(req, await gateway.respond(req.body, { signal: requestSignal(req) }));
    // A drain that could not wait any longer has answered already.
    if (res.headersSent) return;
    if (response.kind === "json") {
      res.status(response.status).set(response.headers).json(response.body);
      return;
    }
    // The usage record settles on its own; the server only writes the events.
    response.record?.catch(() => undefined);
    await writeSse(res, response.status, response.headers, response.events);
  };
}
