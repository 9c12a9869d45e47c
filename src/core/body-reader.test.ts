import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BodyReader, bodyReader } from "./body-reader.js";
import { createKeepAliveFetch } from "./keep-alive-fetch.js";

let server: http.Server;
let base = "";
let closedMidStream = 0;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream", "set-cookie": ["a=1", "b=2"] });
    if (req.url === "/stream") {
      res.write("data: 1\n\n");
      setTimeout(() => res.end("data: 2\n\n"), 20);
      return;
    }
    if (req.url === "/cut") {
      res.write("data: 1\n\n");
      setTimeout(() => res.socket?.destroy(), 20);
      return;
    }
    // /endless: one event, then nothing until the client leaves.
    res.write("data: 1\n\n");
    res.on("close", () => closedMidStream++);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

async function readAll(reader: BodyReader): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) text += decoder.decode(chunk.value, { stream: true });
  return text;
}

describe("bodyReader", () => {
  const f = createKeepAliveFetch();

  it("reads the keep-alive fetch's stream body from the pushed body, with its headers intact", async () => {
    const response = await f(`${base}/stream`);
    expect(response.headers.get("set-cookie")).toBe("a=1, b=2");
    const reader = bodyReader(response);
    expect(reader).not.toBeNull();
    expect(await readAll(reader as BodyReader)).toBe("data: 1\n\ndata: 2\n\n");
    // Read through the node body, the Response counts as read.
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it("leaves the body to the web stream when something read it first", async () => {
    const response = await f(`${base}/stream`);
    expect(await response.text()).toBe("data: 1\n\ndata: 2\n\n");
    expect(response.bodyUsed).toBe(true);
  });

  it("reads any other Response through its web stream", async () => {
    const reader = bodyReader(new Response("data: x\n\n"));
    expect(await readAll(reader as BodyReader)).toBe("data: x\n\n");
    expect(bodyReader(new Response(null))).toBeNull();
  });

  it("rejects a read when the connection is cut mid-body", async () => {
    const reader = bodyReader(await f(`${base}/cut`)) as BodyReader;
    expect((await reader.read()).done).toBe(false);
    // As undici's own fetch reports a body cut short: "terminated", caused by the socket's error.
    const error: unknown = await reader.read().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TypeError);
    expect((error as TypeError).message).toBe("terminated");
    expect(((error as TypeError).cause as Error).message).toBe("other side closed");
  });

  it("on cancel, ends the reads and closes a body still arriving", async () => {
    const before = closedMidStream;
    const reader = bodyReader(await f(`${base}/endless`)) as BodyReader;
    expect((await reader.read()).done).toBe(false);
    const pending = reader.read();
    reader.cancel();
    expect(await pending).toEqual({ done: true });
    await expect.poll(() => closedMidStream).toBe(before + 1);
  });
});
