import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CancelLink, linkedFetchOf } from "./cancel-link.js";
import { createKeepAliveFetch } from "./keep-alive-fetch.js";

let server: http.Server;
let base = "";
const sockets = new Set<unknown>();
let received = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    sockets.add(req.socket);
    received++;
    if (req.url === "/stream") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: 1\n\n");
      setTimeout(() => res.end("data: 2\n\n"), 20);
      return;
    }
    if (req.url === "/hang") return;
    let body = "";
    req.on("data", (c: Buffer) => (body += c.toString()));
    req.on("end", () => {
      res.writeHead(201, { "content-type": "application/json", "x-echo-method": req.method ?? "" });
      res.end(JSON.stringify({ body, auth: req.headers.authorization }));
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe("createKeepAliveFetch", () => {
  const f = createKeepAliveFetch();

  it("posts a body with headers and reads status, headers and JSON", async () => {
    const res = await f(`${base}/echo`, { method: "POST", headers: { authorization: "Bearer k" }, body: '{"a":1}' });
    expect(res.status).toBe(201);
    expect(res.headers.get("x-echo-method")).toBe("POST");
    expect(await res.json()).toEqual({ body: '{"a":1}', auth: "Bearer k" });
  });

  it("reuses one socket for sequential requests", async () => {
    sockets.clear();
    for (let i = 0; i < 5; i++) await (await f(`${base}/echo`, { method: "POST", body: "x" })).text();
    expect(sockets.size).toBe(1);
  });

  it("streams the body as it arrives", async () => {
    const res = await f(`${base}/stream`);
    const text = await res.text();
    expect(text).toBe("data: 1\n\ndata: 2\n\n");
  });

  it("rejects with the abort reason when aborted", async () => {
    const controller = new AbortController();
    const pending = f(`${base}/hang`, { signal: controller.signal });
    controller.abort(new Error("timed out"));
    await expect(pending).rejects.toThrow("timed out");
  });

  it("rejects with a TypeError like fetch when the connection is refused", async () => {
    await expect(f("http://127.0.0.1:1/x")).rejects.toBeInstanceOf(TypeError);
  });

  describe("its linked form (the gateway's own calls: a CancelLink, no AbortSignal)", () => {
    const linked = linkedFetchOf(f);
    if (linked === undefined) throw new Error("the keep-alive fetch has no linked form");
    const link = (reason?: unknown): CancelLink => ({ cancelReason: reason, onCancel: undefined });

    it("sends what the fetch sends, and unlinks itself once a JSON answer is read", async () => {
      const l = link();
      const res = await linked(`${base}/echo`, { method: "POST", headers: { authorization: "Bearer k" }, body: '{"a":1}' }, l);
      expect(res.status).toBe(201);
      expect(await res.json()).toEqual({ body: '{"a":1}', auth: "Bearer k" });
      expect(l.onCancel).toBeUndefined();
    });

    it("rejects with the link's reason and sends nothing when the link was already cancelled", async () => {
      const before = received;
      const reason = new Error("cancelled before");
      await expect(linked(`${base}/echo`, { method: "POST", headers: {}, body: "x" }, link(reason))).rejects.toBe(reason);
      // A request that was sent would have been counted by the time a second one is answered.
      await (await f(`${base}/echo`, { method: "POST", body: "y" })).text();
      expect(received).toBe(before + 1);
    });

    it("rejects with the reason it is cancelled with while the answer is awaited", async () => {
      const l = link();
      const pending = linked(`${base}/hang`, { method: "POST", headers: {}, body: "" }, l);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const reason = new Error("timed out");
      l.onCancel?.(reason);
      await expect(pending).rejects.toBe(reason);
    });

    it("stays cancellable while a streamed body is read: its owner unlinks it", async () => {
      const l = link();
      const res = await linked(`${base}/stream`, { method: "POST", headers: {}, body: "" }, l);
      expect(res.headers.get("content-type")).toBe("text/event-stream");
      expect(l.onCancel).toBeTypeOf("function");
      await res.text();
    });
  });
});
