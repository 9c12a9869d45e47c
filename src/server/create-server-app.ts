// The HTTP face of gateway-sim (express 5): auth, body limits and routes around a Gateway.
// The gateway itself never sees express; every error leaves through sendError.
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from "express";
import { GatewayError } from "../core/errors.js";
import { bearerAuth } from "./bearer-auth.js";
import type { GatewayLike } from "./gateway-like.js";
import { generationsRoute } from "./generations-route.js";
import { bodyErrors, DEFAULT_BODY_LIMIT, jsonBody } from "./json-body.js";
import { responsesRoute } from "./responses-route.js";
import { sendError, toGatewayError } from "./send-error.js";
import { surfaceRoute } from "./surface-route.js";

export interface ServerAppOptions {
  gateway: GatewayLike;
  /** Bearer keys clients may use. Empty (and no `allowAnyKey`) rejects every /v1 request. */
  apiKeys: readonly string[];
  allowAnyKey?: boolean;
  /** Largest accepted body, in body-parser notation ("1mb", "200kb"). */
  bodyLimit?: string;
}

/**
 * Routes: POST /v1/responses, /v1/chat/completions and /v1/messages, GET /v1/generations (?id= one record; ?after=/?limit= a page of the log),
 * GET /healthz (no auth). Anything else is a
 * 404 not_found — after auth under /v1, so unauthenticated callers learn nothing about routes.
 *
 * @example
 * const app = createServerApp({ gateway, apiKeys: ["sim-key"] });
 * const server = await startServer(app, { port: 8787 });
 */
export function createServerApp(options: ServerAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.get("/healthz", (_req, res) => {
    res.status(200).set("cache-control", "no-store").json({ status: "ok" });
  });
  app.use("/v1", bearerAuth({ apiKeys: options.apiKeys, allowAnyKey: options.allowAnyKey ?? false }));
  app.post("/v1/responses", jsonBody(options.bodyLimit ?? DEFAULT_BODY_LIMIT), responsesRoute(options.gateway));
  app.post("/v1/chat/completions", jsonBody(options.bodyLimit ?? DEFAULT_BODY_LIMIT), surfaceRoute(options.gateway, "chat.completions"));
  app.post("/v1/messages", jsonBody(options.bodyLimit ?? DEFAULT_BODY_LIMIT), surfaceRoute(options.gateway, "messages"));
  app.get("/v1/generations", generationsRoute(options.gateway));
  app.use(notFound);
  app.use(bodyErrors);
  app.use(renderError);
  return app;
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
