// The raw node:http path for the POST surfaces (src/server/surfaces.ts): auth, one body read
// within the limit, one JSON.parse, one write — what a minimal node:http proxy does, and nothing
// express adds per request (prototype swaps, router, middleware chain). Anything unusual (another
// path spelling, a query string, a compressed or non-UTF-8 body) goes to the express app, which
// answers it the same way; nothing has been read from the request by then.
import type { IncomingMessage, ServerResponse } from "node:http";
import { BEARER_CHALLENGE } from "./bearer-auth.js";
import type { GatewayError } from "../core/errors.js";
import type { GatewayLike } from "./gateway-like.js";
import { emptyBodyError, invalidJsonError } from "./json-body.js";
import { hasBody, isPlainUtf8Body, readRawBody } from "./read-raw-body.js";
import { sendError } from "./send-error.js";
import { SURFACES, type SurfaceCall } from "./surfaces.js";
import { answerSurface } from "./write-answer.js";

/** A node request listener that may also be mounted as connect/express middleware. */
export type ServerHandler = (req: IncomingMessage, res: ServerResponse, next?: (error?: unknown) => void) => void;

export interface HotPathOptions {
  gateway: GatewayLike;
  /** The 401 to send for an Authorization header, or undefined to let it through. */
  checkAuth: (header: string | undefined) => GatewayError | undefined;
  /** Largest accepted body in bytes (the express routes' parser is given the same number). */
  limitBytes: number;
  fallback: ServerHandler;
}

/**
 * @example
 * const handler = createHotPath({ gateway, checkAuth: bearerCheck({ apiKeys }), limitBytes: 1 << 20, fallback: app });
 * http.createServer(handler);
 */
export function createHotPath(options: HotPathOptions): ServerHandler {
  const { gateway, checkAuth, limitBytes, fallback } = options;
  const surfaces = new Map<string, SurfaceCall>(Object.entries(SURFACES));
  return function hotPath(req, res, next) {
    const call = req.method === "POST" ? surfaces.get(req.url ?? "") : undefined;
    if (call === undefined || !isPlainUtf8Body(req)) {
      fallback(req, res, next);
      return;
    }
    const refused = checkAuth(req.headers.authorization);
    if (refused) {
      sendError(res, refused, null, BEARER_CHALLENGE);
      return;
    }
    if (!hasBody(req)) {
      sendError(res, emptyBodyError());
      return;
    }
    const body = readRawBody(req, limitBytes);
    if ("ok" in body) finish(req, res, gateway, call, body);
    else void body.then((read) => finish(req, res, gateway, call, read));
  };
}

function finish(req: IncomingMessage, res: ServerResponse, gateway: GatewayLike, call: SurfaceCall, body: Awaited<ReturnType<typeof readRawBody>>): void {
  if (!body.ok) {
    sendError(res, body.error);
    return;
  }
  if (body.text.length === 0) {
    sendError(res, emptyBodyError());
    return;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.text);
  } catch (error) {
    sendError(res, invalidJsonError(error instanceof Error ? error.message : "parse error"));
    return;
  }
  void answerSurface(req, res, call, gateway, parsed);
}
