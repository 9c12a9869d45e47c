// The HTTP app `serve` listens with: the live usage page (/usage) in front of the gateway's own app
// (/v1/responses, /v1/generations, /healthz), one bearer-key rule for both.
import express, { type Express } from "express";
import type { Gateway } from "../gateway/create-gateway.js";
import { createServerApp } from "../server/create-server-app.js";
import type { InFlightTracker } from "../server/in-flight.js";
import { liveUsageRoutes, type LiveUsageOptions } from "./live-usage-routes.js";

export interface ServeAppOptions {
  gateway: Gateway;
  key: string;
  /** Accept any bearer key (no `--key`): then the page may try `key` itself, which is only the seeds' placeholder. */
  anyKey: boolean;
  live: Omit<LiveUsageOptions, "usage" | "auth" | "tryKey">;
  /** Tracks requests in flight for a graceful drain on shutdown. */
  inFlight?: InFlightTracker | undefined;
}

/**
 * @example
 * const app = createServeApp({ gateway, key: "YOUR_API_KEY", anyKey: true, live: { scenario, seed, speed, journal, clock, retained: 10_000, runStart } });
 * await startServer(app, { port: 8787 });
 */
export function createServeApp(options: ServeAppOptions): Express {
  const { gateway, key, anyKey } = options;
  const auth = { apiKeys: [key], allowAnyKey: anyKey };
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  if (options.inFlight) app.use(options.inFlight.middleware);
  // A key set with --key never reaches the (unauthenticated) page: it asks the user instead.
  app.use(liveUsageRoutes({ ...options.live, usage: gateway.usage, auth, tryKey: anyKey ? key : null }));
  app.use(createServerApp({ gateway, ...auth }));
  return app;
}
