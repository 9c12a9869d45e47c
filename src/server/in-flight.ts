// The requests a server has in flight, for a graceful drain on shutdown: stop taking new ones, let
// the running ones finish for a grace period, then cancel the rest through the gateway (so each ends
// with a terminal stream event or a 503, and its usage record says `cancelled`).
import type { IncomingMessage, ServerResponse } from "node:http";
import type { RequestHandler } from "express";
import { RealClock, type Clock } from "../core/clock.js";
import { GatewayError } from "../core/errors.js";
import type { GatewayResponseLike } from "./gateway-like.js";
import { sendError } from "./send-error.js";

/** After cancelling, how long a request may take to wind down before its connection is cut regardless. */
export const CANCEL_BOUND_MS = 2_000;

interface Entry {
  res: ServerResponse;
  controller: AbortController;
  /** Cancelled by the drain (not by its client leaving). */
  cut: boolean;
}

/** How a drain ended. */
export interface DrainResult {
  /** Requests in flight when the drain began. */
  inFlight: number;
  /** Of those, cancelled when the grace period ended. */
  cancelled: number;
  /** Of those, whose connection had to be destroyed (they did not wind down within CANCEL_BOUND_MS). */
  destroyed: number;
}

export interface InFlightTracker {
  /** First middleware of the app: tracks each request; while draining, answers new ones 503. */
  readonly middleware: RequestHandler;
  readonly size: number;
  readonly draining: boolean;
  /**
   * Stops taking requests (`stopAccepting` closes the listener), waits up to `graceMs` for those in
   * flight, then cancels the rest and waits for them to end.
   */
  drain(options: { graceMs: number; stopAccepting: () => void; clock?: Clock | undefined }): Promise<DrainResult>;
}

// Keyed by the node request: the raw hot path and the express routes both look their request up here.
const entries = new WeakMap<IncomingMessage, Entry>();

/**
 * The signal that cancels `req`'s gateway work (undefined when no tracker runs).
 *
 * @example
 * const response = await gateway.respond(body, { headers: req.headers, signal: requestSignal(req) });
 */
export function requestSignal(req: IncomingMessage): AbortSignal | undefined {
  return entries.get(req)?.controller.signal;
}

/**
 * A JSON answer to a request the drain cancelled becomes a 503 that still names its generation id,
 * whose usage record says `cancelled`. Streams end with their own terminal events.
 *
 * @example
 * const response = drainedAnswer(req, await gateway.respond(body, { headers: req.headers, signal: requestSignal(req) }));
 */
export function drainedAnswer(req: IncomingMessage, response: GatewayResponseLike): GatewayResponseLike {
  if (response.kind !== "json" || entries.get(req)?.cut !== true) return response;
  const id = response.headers["x-generation-id"] ?? null;
  const error = shuttingDown("it was still running when the grace period ended");
  return { kind: "json", status: error.status, headers: { ...response.headers, connection: "close", "cache-control": "no-store" }, body: error.toBody(id) };
}

function shuttingDown(detail: string): GatewayError {
  return new GatewayError("service_unavailable", `The server is shutting down: ${detail}. Retry the request.`, { extra: { reason: "shutting_down" } });
}

/**
 * @example
 * const inFlight = createInFlightTracker();
 * app.use(inFlight.middleware);
 * process.once("SIGTERM", () => inFlight.drain({ graceMs: 10_000, stopAccepting: () => server.stopAccepting() }));
 */
export function createInFlightTracker(): InFlightTracker {
  const live = new Set<Entry>();
  let draining = false;
  let settled: (() => void) | undefined;

  const middleware: RequestHandler = function inFlightStage(req, res, next) {
    if (draining) {
      sendError(res, shuttingDown("it takes no new requests"), null, { connection: "close" });
      return;
    }
    const entry: Entry = { res, controller: new AbortController(), cut: false };
    entries.set(req, entry);
    live.add(entry);
    res.on("close", () => {
      // A client that leaves before its answer is complete cancels the gateway's work for it.
      if (!res.writableFinished) entry.controller.abort(new DOMException("client closed the connection", "AbortError"));
      live.delete(entry);
      if (live.size === 0) settled?.();
    });
    next();
  };

  const allEnded = (): Promise<void> => (live.size === 0 ? Promise.resolve() : new Promise((resolve) => (settled = resolve)));

  return {
    middleware,
    get size() {
      return live.size;
    },
    get draining() {
      return draining;
    },
    async drain({ graceMs, stopAccepting, clock = new RealClock() }) {
      draining = true;
      const inFlight = live.size;
      // Answers still to come close their keep-alive connection, so the client reconnects elsewhere.
      for (const { res } of live) if (!res.headersSent) res.setHeader("connection", "close");
      stopAccepting();
      const within = async (ms: number): Promise<void> => {
        // The timer is cancelled once every request ended, so it never holds the process open.
        const timer = new AbortController();
        try {
          await Promise.race([allEnded(), clock.sleep(ms, timer.signal).catch(() => undefined)]);
        } finally {
          timer.abort();
        }
      };
      await within(graceMs);
      const cancelled = live.size;
      for (const entry of live) {
        entry.cut = true;
        entry.controller.abort(new DOMException("server shutting down", "AbortError"));
      }
      if (cancelled > 0) await within(CANCEL_BOUND_MS);
      const destroyed = live.size;
      for (const { res } of [...live]) {
        if (!res.headersSent) sendError(res, shuttingDown("it did not end after being cancelled"), null, { connection: "close" });
        else res.destroy();
      }
      return { inFlight, cancelled, destroyed };
    },
  };
}
