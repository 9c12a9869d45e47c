// The floor: the least a gateway can do over node:http. Read the body, JSON.parse it, send one Chat
// Completions request upstream on a keep-alive agent, and write the answer back (one write for
// JSON, piped for a stream). gateway-sim's HTTP figures are quoted against this.
import http from "node:http";
import { listenOnLoopback, type Listening } from "./listen.js";

/**
 * @example
 * const floor = await startFloorProxy(upstream.url); // POST { model, input, stream? } → upstream
 */
/**
 * What both floors do with a request: read its body, `JSON.parse` it once, and build the Chat
 * Completions body to send upstream.
 *
 * @example
 * readFloorRequest(req, (body, upstreamBody) => send(upstreamBody, body.stream === true));
 */
export function readFloorRequest(req: http.IncomingMessage, then: (body: FloorRequest, upstreamBody: string) => void): void {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const body = JSON.parse(Buffer.concat(chunks).toString("utf8")) as FloorRequest;
    then(body, JSON.stringify({ model: body.model, messages: [{ role: "user", content: body.input }], stream: body.stream === true }));
  });
}

export interface FloorRequest {
  model: string;
  input: string;
  stream?: boolean;
}

export function startFloorProxy(upstreamUrl: string): Promise<Listening> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const target = new URL("/v1/chat/completions", upstreamUrl);
  const server = http.createServer((req, res) => {
    readFloorRequest(req, (body, upstreamBody) => {
      const call = http.request(target, { method: "POST", agent, headers: { "content-type": "application/json", "content-length": Buffer.byteLength(upstreamBody) } }, (answer) => {
        if (body.stream === true) {
          res.writeHead(answer.statusCode ?? 502, { "content-type": "text/event-stream" });
          answer.pipe(res);
          return;
        }
        const parts: Buffer[] = [];
        answer.on("data", (c: Buffer) => parts.push(c));
        answer.on("end", () => {
          const text = Buffer.concat(parts);
          res.writeHead(answer.statusCode ?? 502, { "content-type": "application/json", "content-length": text.length });
          res.end(text);
        });
      });
      call.on("error", () => {
        res.writeHead(502);
        res.end();
      });
      call.end(upstreamBody);
    });
  });
  return listenOnLoopback(server);
}
