// Listens with a request handler (the server app) and hands back its URL and a close that does not wait for idle
// keep-alive connections.
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { ServerHandler } from "./hot-path.js";

export interface RunningServer {
  url: string;
  port: number;
  /** Stops listening and closes idle keep-alive connections; requests in flight carry on (a graceful drain). */
  stopAccepting(): void;
  close(): Promise<void>;
}

/**
 * Port 0 picks a free port (tests); the URL uses the host given, `127.0.0.1` by default.
 *
 * @example
 * const server = await startServer(app, { port: 0 });
 * await fetch(`${server.url}/healthz`);
 * await server.close();
 */
export function startServer(app: ServerHandler, options: { port?: number; host?: string } = {}): Promise<RunningServer> {
  const host = options.host ?? "127.0.0.1";
  const server = createServer(app);
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      const { port } = server.address() as AddressInfo;
      const shownHost = host.includes(":") ? `[${host}]` : host;
      let closed: Promise<void> | undefined;
      const stopAccepting = (): Promise<void> =>
        (closed ??= new Promise<void>((done, fail) => {
          server.close((error) => (error ? fail(error) : done()));
          server.closeIdleConnections();
        }));
      resolve({
        url: `http://${shownHost}:${port}`,
        port,
        stopAccepting: () => void stopAccepting().catch(() => undefined),
        close: () => {
          const done = stopAccepting();
          server.closeAllConnections();
          return done;
        },
      });
    });
  });
}
