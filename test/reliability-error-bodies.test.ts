// Issue 14 item 5: a 900 KB invalid `model` and a 10,000-character `?id=` are echoed cut at 200
// characters, over real HTTP, instead of whole (1.8 MB and 10 KB bodies before).
import { afterEach, describe, expect, it } from "vitest";
import type { ErrorBody } from "../src/core/errors.js";
import { createServerApp } from "../src/server/create-server-app.js";
import { startServer, type RunningServer } from "../src/server/start-server.js";
import { realGateway } from "./support/real-gateway.js";

let server: RunningServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

const KEY = "sim-key-echo";
const auth = { authorization: `Bearer ${KEY}` };

describe("error bodies do not echo megabytes", () => {
  it("a 900 KB invalid model", async () => {
    server = await startServer(createServerApp({ gateway: realGateway(), apiKeys: [KEY] }), { port: 0 });
    const response = await fetch(`${server.url}/v1/responses`, { method: "POST", headers: auth, body: JSON.stringify({ model: "m".repeat(900_000), input: "Hi" }) });
    const text = await response.text();
    expect(response.status).toBe(400);
    expect(text.length).toBeLessThan(4_000);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.description).toContain(`${"m".repeat(199)}…(`);
    expect(body.description).toMatch(/…\(\d+ more characters\)/);
  });

  it("a 10,000-character ?id= in the 404", async () => {
    server = await startServer(createServerApp({ gateway: realGateway(), apiKeys: [KEY] }), { port: 0 });
    const id = `G-${"f".repeat(9_998)}`;
    const response = await fetch(`${server.url}/v1/generations?id=${id}`, { headers: auth });
    expect(response.status).toBe(404);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toBe("not_found");
    expect(body.description.length).toBeLessThan(400);
    expect(body.description).toContain("…(9802 more characters)");
  });
});
