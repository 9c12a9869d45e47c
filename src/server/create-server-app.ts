// The HTTP face of gateway-sim: the POST surfaces on a raw node:http hot path, and express 5 for
// everything else (generations, health, 404s, unusual bodies). The gateway itself never sees
// express; every error leaves through sendError.
import express, { type ErrorRequestHandler, type RequestHandler } from "express";
import { GatewayError } from "../core/errors.js";
import { bearerAuth, bearerCheck } from "./bearer-auth.js";
import { BYTE_SIZE_EXPECTED, parseByteSize } from "../core/byte-size.js";
import type { GatewayLike } from "./gateway-like.js";
import { generationsRoute } from "./generations-route.js";
import { createHotPath, type ServerHandler } from "./hot-path.js";
import { bodyErrors, DEFAULT_BODY_LIMIT, jsonBody } from "./json-body.js";
import { surfaceRoute } from "./responses-route.js";
import { sendError, toGatewayError } from "./send-error.js";
import { SURFACES } from "./surfaces.js";

export interface ServerAppOptions {
  gateway: GatewayLike;
  /** Bearer keys clients may use. Empty (and no `allowAnyKey`) rejects every /v1 request. */
  apiKeys: readonly string[];
  allowAnyKey?: boolean;
  /**
   * Largest accepted body: bytes, or body-parser's notation ("1mb", "200kb", 1024-based) or the
   * same in IEC spelling ("1MiB"). Anything else throws when the app is built.
   */
  bodyLimit?: string | number;
}

/**
 * Routes: POST /v1/responses, /v1/chat/completions and /v1/messages, GET /v1/generations (?id= one record; ?after=/?limit= a page of the log),
 * GET /healthz (no auth). Anything else is a
 * 404 not_found — after auth under /v1, so unauthenticated callers learn nothing about routes.
 * The result is a node request listener (`http.createServer(handler)`) that also mounts in express.
 *
 * @example
 * const app = createServerApp({ gateway, apiKeys: ["sim-key"] });
 * const server = await startServer(app, { port: 8787 });
 */
export function createServerApp(options: ServerAppOptions): ServerHandler {
  const limit = parseByteSize(options.bodyLimit ?? DEFAULT_BODY_LIMIT);
  // A limit read one way here and another by body-parser would split the routes; refuse it instead.
  if (limit === undefined) throw new TypeError(`createServerApp: bodyLimit ${JSON.stringify(options.bodyLimit)} is not a size: ${BYTE_SIZE_EXPECTED}`);
  const auth = { apiKeys: options.apiKeys, allowAnyKey: options.allowAnyKey ?? false };
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.get("/healthz", (_req, res) => {
    res.status(200).set("cache-control", "no-store").json({ status: "ok" });
  });
  app.use("/v1", bearerAuth(auth));
  for (const [path, call] of Object.entries(SURFACES)) app.post(path, jsonBody(limit), surfaceRoute(options.gateway, call));
  app.get("/v1/generations", generationsRoute(options.gateway));
  app.use(notFound);
  app.use(bodyErrors);
  app.use(renderError);
  return createHotPath({ gateway: options.gateway, checkAuth: bearerCheck(auth), limitBytes: limit, fallback: app });
}

const notFound: RequestHandler = function notFoundStage(req, res) {
  sendError(res, new GatewayError("not_found", `No route ${req.method} ${req.path}.`));
};

const renderError: ErrorRequestHandler = function renderErrorStage(error: unknown, _req, res, _next) {
  // Once a stream has started the status line is gone; all that is left is to stop.
  if (res.headersSent) {
    res.end();
    return;
  }
  sendError(res, toGatewayError(error));
};
