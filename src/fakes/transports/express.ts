// The express transport: each fake on its own port, answering over real HTTP with chunked
// streaming and real socket faults (a reset socket; bytes that are not HTTP, then close).
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import express, { type Request as ExpressRequest, type Response as ExpressResponse } from "express";
import type { FakeFleet } from "../fleet.js";
import type { FakeHttpRequest, FakeOutcome } from "../provider/outcome.js";

export interface ExpressFakes {
  /** Base URL per provider id, equivalent to its real base URL (e.g. http://127.0.0.1:41234/v1). */
  urls: Record<string, string>;
  close(): Promise<void>;
}

/** What garbage_then_close writes before closing: not an HTTP status line. */
const GARBAGE = "\u0000\u0013\u00ffSSH-2.0-garbage\r\n\r\n";

function readBody(req: ExpressRequest): Promise<string> {
  return new Promise((resolve, reject) => {
    const parts: Buffer[] = [];
    req.on("data", (chunk: Buffer) => parts.push(chunk));
    req.on("end", () => resolve(Buffer.concat(parts).toString("utf8")));
    req.on("error", reject);
  });
}

/** An express request as the fakes read it (shared with the single-port fakes server, src/external). */
export function toFakeRequest(req: ExpressRequest, origin: string, signal: AbortSignal): FakeHttpRequest {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === "string") headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return { method: req.method, url: new URL(req.originalUrl, origin), headers, text: () => readBody(req), signal };
}

/** Writes a fake's outcome to an express response: status, headers, body or stream, or a socket fault. */
export async function send(outcome: FakeOutcome, req: ExpressRequest, res: ExpressResponse): Promise<void> {
  if (outcome.kind === "network_error") {
    if (outcome.fault === "garbage_then_close") req.socket.end(GARBAGE);
    else req.socket.destroy();
    return;
  }
  res.status(outcome.status);
  for (const [name, value] of Object.entries(outcome.headers)) res.setHeader(name, value);
  if (typeof outcome.body === "string") {
    res.end(outcome.body);
    return;
  }
  res.flushHeaders();
  const reader = outcome.body.getReader();
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      // Wait for each write to reach the socket, so a later disconnect never discards it.
      await new Promise<void>((resolve) => res.write(value, () => resolve()));
    }
    res.end();
  } catch {
    // The fake dropped the connection mid-stream (or the client left): cut the socket, no terminator.
    req.socket.destroy();
  }
}

function handler(fleet: FakeFleet, provider: string, basePath: string, origin: () => string) {
  return async function fakeProvider(req: ExpressRequest, res: ExpressResponse): Promise<void> {
    const abort = new AbortController();
    res.on("close", () => {
      if (!res.writableFinished) abort.abort(new DOMException("The client closed the connection", "AbortError"));
    });
    const request = toFakeRequest(req, origin(), abort.signal);
    const path = request.url.pathname;
    const relative = path === basePath || path.startsWith(`${basePath}/`) ? path.slice(basePath.length) : path;
    try {
      await send(await fleet.dispatchTo(provider, request, relative), req, res);
    } catch {
      req.socket.destroy();
    }
  };
}

function listen(app: express.Express, host: string): Promise<Server> {
  return new Promise((resolve, reject) => {
    const server = app.listen(0, host, (error?: Error) => (error ? reject(error) : resolve(server)));
  });
}

/**
 * Starts one express server per fake provider on a random port.
 *
 * @example
 * const fakes = await startExpressFakes(fleet);
 * const client = new OpenAI({ apiKey: "sk-test", baseURL: fakes.urls.openai });
 * await fakes.close();
 */
export async function startExpressFakes(fleet: FakeFleet, options: { host?: string } = {}): Promise<ExpressFakes> {
  const host = options.host ?? "127.0.0.1";
  const urls: Record<string, string> = {};
  const servers: Server[] = [];
  for (const profile of fleet.profiles()) {
    const basePath = new URL(profile.base_url).pathname.replace(/\/+$/, "");
    const app = express();
    app.disable("x-powered-by");
    let origin = "";
    app.use(handler(fleet, profile.id, basePath, () => origin));
    const server = await listen(app, host);
    origin = `http://${host}:${(server.address() as AddressInfo).port}`;
    urls[profile.id] = `${origin}${basePath}`;
    servers.push(server);
  }
  return {
    urls,
    close: () =>
      Promise.all(
        servers.map(
          (server) =>
            new Promise<void>((resolve) => {
              server.closeAllConnections();
              server.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
