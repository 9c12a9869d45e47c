// GET /v1/generations?id=G-…: one usage record (the seeds' request detail), as the reference
// gateway returns it: the record itself, never cached. Without `id`, `?after=`/`?limit=` list the
// log page by page — a gateway-sim extension (see generations-list-query.ts).
import type { RequestHandler } from "express";
import { GatewayError } from "../core/errors.js";
import type { GatewayLike } from "./gateway-like.js";
import { isListQuery, listBody, listGenerations } from "./generations-list-query.js";
import { sendError } from "./send-error.js";

/**
 * @example
 * app.get("/v1/generations", generationsRoute(gateway));
 * // GET /v1/generations?id=G-1f2e… → the record; GET /v1/generations?after=0&limit=50 → { object: "list", data, next_cursor, has_more }
 */
export function generationsRoute(gateway: GatewayLike): RequestHandler {
  return function generationsHandler(req, res) {
    if (isListQuery(req.query)) {
      const listed = listGenerations(gateway.usage, req.query);
      if (!listed.ok) sendError(res, listed.error);
      else res.status(200).set("cache-control", "no-store").json(listBody(listed.page));
      return;
    }
    const id = req.query["id"];
    if (typeof id !== "string" || id === "") {
      const detail = { message: "required: the generation id (e.g. ?id=G-…), or list with ?after=/?limit=", path: "id", keyword: "required" };
      sendError(res, new GatewayError("validation_error", "Query parameter `id` is required.", { details: [detail] }));
      return;
    }
    const record = gateway.usage.get(id);
    if (!record) {
      sendError(res, new GatewayError("not_found", `No generation with id "${id}" (unknown, or no longer retained by the usage log).`));
      return;
    }
    res.status(200).set("cache-control", "no-store").json(record);
  };
}
