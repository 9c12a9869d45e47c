// The floor with undici's client: the same minimal node:http server as floor-proxy.ts, calling the
// upstream through an undici Pool (as gateway-sim's keep-alive fetch does) instead of node:http's
// client. A reference only: the aim is quoted against the node:http floor, and this row shows how
// much of gateway-sim's standing is its upstream client.
import http from "node:http";
import { Pool } from "undici";
import { readFloorRequest } from "./floor-proxy.js";
import { listenOnLoopback, type Listening } from "./listen.js";

/**
 * @example
 * const floor = await startFloorUndiciProxy(upstream.url); // POST { model, input, stream? } → upstream
 */
export function startFloorUndiciProxy(upstreamUrl: string): Promise<Listening> {
  const pool = new Pool(new URL(upstreamUrl).origin, { connections: 64 });
  const server = http.createServer((req, res) => {
    readFloorRequest(req, (body, upstreamBody) => {
      pool.request({ path: "/v1/chat/completions", method: "POST", headers: { "content-type": "application/json" }, body: upstreamBody }).then(
        (answer) => {
          if (body.stream === true) {
            res.writeHead(answer.statusCode, { "content-type": "text/event-stream" });
            answer.body.pipe(res);
            return;
          }
          const parts: Buffer[] = [];
          answer.body.on("data", (c: Buffer) => parts.push(c));
          answer.body.on("end", () => {
            const text = Buffer.concat(parts);
            res.writeHead(answer.statusCode, { "content-type": "application/json", "content-length": text.length });
            res.end(text);
          });
        },
        () => {
          res.writeHead(502);
          res.end();
        },
      );
    });
  });
  const listening = listenOnLoopback(server);
  return listening.then((l) => ({ url: l.url, close: () => Promise.all([l.close(), pool.close()]).then(() => undefined) }));
}
