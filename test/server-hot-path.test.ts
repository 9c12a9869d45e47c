// The raw hot path of POST /v1/responses: the early 413 (declared length, or counted chunked bytes),
// and the bodies it hands to express instead (compressed), answered alike.
import http from "node:http";
import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createServerApp } from "../src/server/create-server-app.js";
import { API_KEY, createFakeGateway, fakeServerPerTest } from "./server-fake-gateway.js";

const start = fakeServerPerTest();

interface Answer {
  status: number;
  json: Record<string, unknown>;
}

/** A request whose body is written by `send`, so a test controls what reaches the server and when. */
function request(url: string, headers: http.OutgoingHttpHeaders, send: (req: http.ClientRequest) => void): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = http.request(`${url}/v1/responses`, { method: "POST", headers: { authorization: `Bearer ${API_KEY}`, ...headers } }, (res) => {
      let text = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (text += chunk));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
    });
    req.on("error", reject);
    send(req);
  });
}

describe("POST /v1/responses on the raw hot path", () => {
  it("answers 413 on a declared Content-Length over the limit before any of the body is sent", async () => {
    const { server, gateway } = await start({ bodyLimit: "1kb" });
    // Headers only: the body never comes until the answer is in, so only an early 413 can settle this.
    let req: http.ClientRequest | undefined;
    const answer = await request(server.url, { "content-length": 5_000_000, "content-type": "application/json" }, (r) => {
      req = r;
      r.flushHeaders();
    });
    req?.destroy();
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ error: "payload_too_large", description: "Request body too large (limit 1024 bytes)." });
    expect(gateway.bodies).toEqual([]);
  });

  it("counts a chunked body and answers 413 as it crosses the limit, the stream still open", async () => {
    const { server, gateway } = await start({ bodyLimit: "1kb" });
    let req: http.ClientRequest | undefined;
    const answer = await request(server.url, { "transfer-encoding": "chunked" }, (r) => {
      req = r;
      r.write(`{"model":"openai/gpt-5.4-nano","input":"${"x".repeat(2000)}`);
    });
    req?.destroy();
    expect(answer.status).toBe(413);
    expect(answer.json).toMatchObject({ error: "payload_too_large" });
    expect(gateway.bodies).toEqual([]);
  });

  it("reads a chunked body within the limit, and drops a UTF-8 byte-order mark as body-parser does", async () => {
    const { server, gateway } = await start();
    const answer = await request(server.url, { "transfer-encoding": "chunked" }, (r) => {
      r.write('\uFEFF{"model":"openai/gpt-5.4-nano",');
      r.end('"input":"ping é"}');
    });
    expect(answer.status).toBe(200);
    expect(gateway.bodies).toEqual([{ model: "openai/gpt-5.4-nano", input: "ping é" }]);
  });

  it("hands a gzip body to the express route, which inflates it", async () => {
    const { server, gateway } = await start();
    const body = gzipSync(JSON.stringify({ model: "openai/gpt-5.4-nano", input: "zipped" }));
    const answer = await request(server.url, { "content-encoding": "gzip", "content-length": body.length }, (r) => r.end(body));
    expect(answer.status).toBe(200);
    expect(gateway.bodies).toEqual([{ model: "openai/gpt-5.4-nano", input: "zipped" }]);
  });

  it("refuses a missing key before reading the body", async () => {
    const { server } = await start();
    const answer = await new Promise<Answer>((resolve, reject) => {
      const req = http.request(`${server.url}/v1/responses`, { method: "POST", headers: { "content-length": 10 } }, (res) => {
        let text = "";
        res.on("data", (c: Buffer) => (text += c.toString()));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, json: JSON.parse(text) as Record<string, unknown> }));
      });
      req.on("error", reject);
      req.flushHeaders();
    });
    expect(answer).toMatchObject({ status: 401, json: { error: "unauthorised" } });
  });

  it("reads bodyLimit the same on the hot path and the express route, IEC spelling included", async () => {
    // "8KiB" used to reach body-parser as 8 bytes (every request a 413) with the hot path off.
    const { server, gateway } = await start({ bodyLimit: "8KiB" });
    const json = (size: number): string => JSON.stringify({ model: "openai/gpt-5.4-nano", input: "x".repeat(size) });
    const plain = (text: string) => request(server.url, { "content-length": Buffer.byteLength(text) }, (r) => r.end(text));
    const zipped = (text: string) => {
      const body = gzipSync(text);
      return request(server.url, { "content-encoding": "gzip", "content-length": body.length }, (r) => r.end(body));
    };
    expect((await plain(json(6_000))).status).toBe(200);
    expect((await zipped(json(6_000))).status).toBe(200);
    expect(gateway.bodies).toHaveLength(2);
    const over = await plain(json(9_000));
    expect(over).toMatchObject({ status: 413, json: { error: "payload_too_large", description: "Request body too large (limit 8192 bytes)." } });
    expect(await zipped(json(9_000))).toMatchObject({ status: 413, json: { error: "payload_too_large" } });
    expect(gateway.bodies).toHaveLength(2);
  });

  it("refuses a bodyLimit it cannot read when the app is built, naming it", () => {
    for (const bodyLimit of ["lots", "1tb", "0", -1]) {
      expect(() => createServerApp({ gateway: createFakeGateway(), apiKeys: [API_KEY], bodyLimit })).toThrow(
        `createServerApp: bodyLimit ${JSON.stringify(bodyLimit)} is not a size: expected a size of at least 1 byte`,
      );
    }
    expect(() => createServerApp({ gateway: createFakeGateway(), apiKeys: [API_KEY], bodyLimit: 65_536 })).not.toThrow();
  });
});
