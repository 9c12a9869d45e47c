// Listening on loopback only (the benches never open a port to the network), with a prompt close.
import type http from "node:http";
import type { AddressInfo } from "node:net";

export interface Listening {
  url: string;
  close(): Promise<void>;
}

/**
 * @example
 * const { url, close } = await listenOnLoopback(http.createServer(handler));
 */
export async function listenOnLoopback(server: http.Server): Promise<Listening> {
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
