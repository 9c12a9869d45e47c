import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CancelLink, linkedFetchOf } from "./cancel-link.js";
import { createKeepAliveFetch } from "./keep-alive-fetch.js";

let server: http.Server;
let base = "";
const sockets = new Set<unknown>();
let received = 0;
let endlessClosed = 0;
let flooded = 0;

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
    if (req.url === "/endless") {
      // One event, then nothing until the client leaves.
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write("data: 1\n\n");
      res.on("close", () => endlessClosed++);
      return;
    }
    if (req.url === "/flood") {
      // As much as the client takes: 64 KiB at a time, waiting for "drain", up to 64 MiB.
      res.writeHead(200, { "content-type": "application/octet-stream" });
      const chunk = Buffer.alloc(64 * 1024, 120);
      flooded = 0;
      const more = (): void => {
        while (flooded < 64 * 1024 * 1024) {
          flooded += chunk.length;
          if (!res.write(chunk)) return void res.once("drain", more);
        }
        res.end();
      };
      more();
      return;
    }
    if (req.url === "/empty") {
      res.writeHead(204, { "x-empty": "yes" });
      res.end();
      return;
    }
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

  it("reuses its sockets for sequential requests", async () => {
    sockets.clear();
    for (let i = 0; i < 6; i++) await (await f(`${base}/echo`, { method: "POST", body: "x" })).text();
    // undici lets a socket rest one turn of the event loop before its next request (a server may
    // close it despite keep-alive), so a caller that sends at once alternates between two.
    expect(sockets.size).toBe(2);
    // One that waits a turn between them keeps to one socket.
    const patient = createKeepAliveFetch();
    sockets.clear();
    for (let i = 0; i < 6; i++) {
      await (await patient(`${base}/echo`, { method: "POST", body: "x" })).text();
      await new Promise((resolve) => setTimeout(resolve, 1));
    }
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

  it("sends the credentials of a URL as Basic authorization, as node:http does, unless a header says otherwise", async () => {
    const withCredentials = base.replace("http://", "http://user:p%40ss@");
    expect(await (await f(`${withCredentials}/echo`, { method: "POST", body: "" })).json()).toEqual({ body: "", auth: `Basic ${Buffer.from("user:p@ss").toString("base64")}` });
    expect(await (await f(`${withCredentials}/echo`, { method: "POST", headers: { authorization: "Bearer k" }, body: "" })).json()).toEqual({ body: "", auth: "Bearer k" });
  });

  it("answers a 204 and a HEAD with no body, and their headers", async () => {
    const empty = await f(`${base}/empty`);
    expect(empty.status).toBe(204);
    expect(empty.body).toBeNull();
    expect(empty.headers.get("x-empty")).toBe("yes");
    const head = await f(`${base}/echo`, { method: "HEAD" });
    expect(head.status).toBe(201);
    expect(head.body).toBeNull();
    expect(head.headers.get("x-echo-method")).toBe("HEAD");
  });

  it("rejects a header undici refuses with fetch's TypeError, naming undici's reason as the cause", async () => {
    const error: unknown = await f(`${base}/echo`, { method: "POST", headers: { "x-bad": "a\nb" }, body: "" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe("fetch failed");
    expect(((error as TypeError).cause as Error).message).toMatch(/x-bad/);
  });

  it("stops taking a streamed body its reader does not read (back-pressure), and takes it all once read", async () => {
    const res = await f(`${base}/flood`);
    const reader = (res.body as ReadableStream<Uint8Array>).getReader();
    let read = ((await reader.read()).value as Uint8Array).length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    // The sender stalls once the socket buffers and the body's high-water mark are full: far short of 64 MiB.
    expect(flooded).toBeLessThan(32 * 1024 * 1024);
    for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) read += chunk.value.length;
    expect(read).toBe(64 * 1024 * 1024);
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

    it("cancels a streamed body through the link: its reader gets the reason and the upstream connection closes", async () => {
      const l = link();
      const before = endlessClosed;
      const res = await linked(`${base}/endless`, { method: "POST", headers: {}, body: "" }, l);
      const reader = (res.body as ReadableStream<Uint8Array>).getReader();
      expect((await reader.read()).done).toBe(false);
      const pending = reader.read();
      const reason = new Error("timed out mid-stream");
      l.onCancel?.(reason);
      await expect(pending).rejects.toBe(reason);
      await expect.poll(() => endlessClosed).toBe(before + 1);
    });
  });
});
