// The express route of a POST surface: hands body-parser's JSON to the gateway. It serves what the
// raw hot path passes on (compressed or non-UTF-8 bodies, `/v1/responses/`, query strings), with
// the same answers. No express object reaches the gateway.
import type { RequestHandler } from "express";
import type { GatewayLike } from "./gateway-like.js";
import { emptyBodyError, hasEmptyBody } from "./json-body.js";
import { sendError } from "./send-error.js";
import type { SurfaceCall } from "./surfaces.js";
import { answerSurface } from "./write-answer.js";

/**
 * @example
 * app.post("/v1/responses", jsonBody(1 << 20), surfaceRoute(gateway, SURFACES["/v1/responses"]));
 */
export function surfaceRoute(gateway: GatewayLike, call: SurfaceCall): RequestHandler {
  return async function surfaceHandler(req, res) {
    if (hasEmptyBody(req)) sendError(res, emptyBodyError());
    else await answerSurface(req, res, call, gateway, req.body);
  };
}
