// POST /v1/chat/completions and /v1/messages: the parsed body goes to the gateway's surface, its
// answer is written out as JSON or as an event stream (the same writer as /v1/responses).
import type { RequestHandler } from "express";
import { GatewayError } from "../core/errors.js";
import type { GatewaySurface } from "../gateway/surfaces/surfaces.js";
import type { GatewayLike } from "./gateway-like.js";
import { hasEmptyBody } from "./json-body.js";
import { sendError } from "./send-error.js";
import { writeSse } from "./write-sse.js";

/**
 * @example
 * app.post("/v1/messages", jsonBody(), surfaceRoute(gateway, "messages"));
 */
export function surfaceRoute(gateway: GatewayLike, surface: GatewaySurface): RequestHandler {
  return async function surfaceHandler(req, res) {
    if (hasEmptyBody(req)) {
      sendError(res, new GatewayError("invalid_json", "Request body is empty: send a JSON object."));
      return;
    }
    if (!gateway.respondOn) {
      sendError(res, new GatewayError("not_found", `No route ${req.method} ${req.path}.`));
      return;
    }
    const response = await gateway.respondOn(surface, req.body, { headers: req.headers });
    if (response.kind === "json") {
      res.status(response.status).set(response.headers).json(response.body);
      return;
    }
    response.record?.catch(() => undefined);
    await writeSse(res, response.status, response.headers, response.events);
  };
}
