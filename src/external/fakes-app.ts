// The single-port HTTP app of `gateway-sim fakes`: each fake under /<provider-id><its base path>
// (e.g. /openai/v1/chat/completions), and a control path, /_gateway-sim/, for the journal and a reset.
import express, { type Express, type Request, type Response } from "express";
import type { FakeHttpRequest, FakeOutcome } from "../fakes/provider/outcome.js";
import { send, toFakeRequest } from "../fakes/transports/express.js";
import type { JournalLog } from "./journal-log.js";

/** Where the control endpoints live; no provider id can start with `_`. */
export const CONTROL_PATH = "/_gateway-sim";
const PAGE_LIMIT = { default: 100, max: 1000 } as const;

export interface FakesAppOptions {
  /** Provider id → its base path (`/v1` for OpenAI, `` for Anthropic). */
  basePaths: ReadonlyMap<string, string>;
  journal: JournalLog;
  /** The provider ids' URLs, for GET /_gateway-sim/urls. */
  urls: () => Record<string, string>;
  /** The current run, started on first use. */
  dispatch: (provider: string, request: FakeHttpRequest, relativePath: string) => Promise<FakeOutcome>;
  /** Ends the current run; the next call starts a fresh one. Returns the number the next run will have. */
  reset: () => number;
  /** The current run's number and elapsed simulated ms, or null before the first call. */
  status: () => { run: number; elapsed_ms: number } | null;
}

function badRequest(res: Response, message: string): void {
  res.status(400).json({ error: { code: "invalid_request", message } });
}

function journalRoute(journal: JournalLog) {
  return function journalPage(req: Request, res: Response): void {
    const after = req.query.after === undefined ? 0 : Number(req.query.after);
    const limit = req.query.limit === undefined ? PAGE_LIMIT.default : Number(req.query.limit);
    if (!Number.isInteger(after) || after < 0) return badRequest(res, "after: expected a cursor (a whole number ≥ 0, from next_cursor)");
    if (!Number.isInteger(limit) || limit < 1 || limit > PAGE_LIMIT.max) return badRequest(res, `limit: expected a whole number from 1 to ${PAGE_LIMIT.max}`);
    res.json(journal.page(after, limit));
  };
}

function fakeRoute(options: FakesAppOptions) {
  return async function fakeProvider(req: Request, res: Response): Promise<void> {
    const path = req.path;
    const slash = path.indexOf("/", 1);
    const id = decodeURIComponent(slash === -1 ? path.slice(1) : path.slice(1, slash));
    const basePath = options.basePaths.get(id);
    if (basePath === undefined) {
      res.status(404).json({ error: { code: "not_found", message: `no fake provider "${id}" here: expected one of ${[...options.basePaths.keys()].join(", ")}` } });
      return;
    }
    const rest = slash === -1 ? "/" : path.slice(slash);
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort(new DOMException("The client closed the connection", "AbortError"));
    });
    const origin = `${req.protocol}://${req.get("host") ?? "127.0.0.1"}`;
    const query = req.originalUrl.includes("?") ? req.originalUrl.slice(req.originalUrl.indexOf("?")) : "";
    // The fake sees the path its real host would (without the /<provider-id> prefix).
    const request = { ...toFakeRequest(req, origin, abort.signal), url: new URL(`${rest}${query}`, origin) };
    const relative = rest === basePath || rest.startsWith(`${basePath}/`) ? rest.slice(basePath.length) : rest;
    try {
      await send(await options.dispatch(id, request, relative), req, res);
    } catch {
      req.socket.destroy();
    }
  };
}

/**
 * @example
 * const app = createFakesApp({ basePaths, journal, urls, dispatch, reset, status });
 */
export function createFakesApp(options: FakesAppOptions): Express {
  const app = express();
  app.disable("x-powered-by");
  app.set("query parser", "simple");
  app.get(`${CONTROL_PATH}/journal`, journalRoute(options.journal));
  app.post(`${CONTROL_PATH}/reset`, (_req, res) => {
    res.json({ object: "reset", next_run: options.reset() });
  });
  app.get(`${CONTROL_PATH}/urls`, (_req, res) => {
    res.json(options.urls());
  });
  app.get(`${CONTROL_PATH}/status`, (_req, res) => {
    res.json({ object: "status", run: options.status() });
  });
  app.use(fakeRoute(options));
  return app;
}
