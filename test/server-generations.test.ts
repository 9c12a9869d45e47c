// GET /v1/generations?id=: the usage record of one request, over real HTTP.
import { describe, expect, it } from "vitest";
import { authHeaders, fakeServerPerTest } from "./server-fake-gateway.js";

const start = fakeServerPerTest();

describe("GET /v1/generations", () => {
  it("returns the usage record of a finished request, never cached", async () => {
    const { server, gateway } = await start();
    const created = await fetch(`${server.url}/v1/responses`, { method: "POST", headers: authHeaders(), body: JSON.stringify({ model: "openai/gpt-5.4-mini", input: "x" }) });
    const { id } = (await created.json()) as { id: string };
    const response = await fetch(`${server.url}/v1/generations?id=${encodeURIComponent(id)}`, { headers: authHeaders() });
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    expect(await response.json()).toEqual(gateway.usage.get(id));
    expect(gateway.usage.get(id)?.model).toBe("openai/gpt-5.4-mini");
  });

  it("answers an unknown id with 404 not_found", async () => {
    const { server } = await start();
    const response = await fetch(`${server.url}/v1/generations?id=G-ffff`, { headers: authHeaders() });
    expect(response.status).toBe(404);
    expect(await response.json()).toMatchObject({ generation_id: null, status_code: 404, error: "not_found", description: expect.stringContaining('"G-ffff"') });
  });

  it("answers a missing id with 400 validation_error at path id", async () => {
    const { server } = await start();
    const response = await fetch(`${server.url}/v1/generations`, { headers: authHeaders() });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: "validation_error", details: [{ path: "id", keyword: "required" }] });
  });

  it("requires auth", async () => {
    const { server } = await start();
    expect((await fetch(`${server.url}/v1/generations?id=G-0001`)).status).toBe(401);
  });
});
