// Request-body parsing for the JSON routes, and the translation of its failures into §8 errors:
// too large → 413 payload_too_large, unparsable → 400 invalid_json.
import type { IncomingMessage } from "node:http";
import express, { type ErrorRequestHandler, type Request, type RequestHandler } from "express";
import { GatewayError } from "../core/errors.js";

/** Express's default limit is 100 kB; real prompts with schemas and history are larger. */
export const DEFAULT_BODY_LIMIT = "1mb";

/** Requests whose body was zero bytes: body-parser turns those into `{}`, which would hide them. */
const emptyBodies = new WeakSet<IncomingMessage>();

/**
 * Parses the body as JSON whatever its Content-Type: `curl -d` without `-H "Content-Type: …"` sends
 * form encoding, and the gateway reads JSON anyway.
 */
export function jsonBody(limit: number): RequestHandler {
  return express.json({
    limit,
    type: () => true,
    strict: false,
    verify: (req, _res, raw) => {
      if (raw.length === 0) emptyBodies.add(req);
    },
  });
}

/** True when the request carried no body at all, or zero bytes of one. */
export function hasEmptyBody(req: Request): boolean {
  return req.body === undefined || emptyBodies.has(req);
}

/** The answer to a request without a body, on either path. */
export function emptyBodyError(): GatewayError {
  return new GatewayError("invalid_json", "Request body is empty: send a JSON object.");
}

/** The answer to a body JSON.parse refused, on either path. */
export function invalidJsonError(message: string): GatewayError {
  return new GatewayError("invalid_json", `Request body is not valid JSON: ${message}.`);
}

/** Maps body-parser failures to GatewayErrors; anything else passes on. */
export const bodyErrors: ErrorRequestHandler = function bodyErrorStage(error: unknown, _req, _res, next) {
  next(toBodyError(error) ?? error);
};

function toBodyError(error: unknown): GatewayError | undefined {
  if (typeof error !== "object" || error === null || !("type" in error)) return undefined;
  switch (error.type) {
    case "entity.too.large": {
      const limit = "limit" in error && typeof error.limit === "number" ? ` (limit ${error.limit} bytes)` : "";
      return new GatewayError("payload_too_large", `Request body too large${limit}.`);
    }
    case "entity.parse.failed":
      return invalidJsonError(error instanceof Error ? error.message : "parse error");
    case "encoding.unsupported":
    case "charset.unsupported":
      return new GatewayError("invalid_json", `Request body encoding is not supported: ${error instanceof Error ? error.message : ""}`.trim());
    default:
      return undefined;
  }
}
