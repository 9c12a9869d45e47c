// Bearer auth, health check and unknown routes of the HTTP server, against a real listening server.
import { describe, expect, it } from "vitest";
import { API_KEY, authHeaders, fakeServerPerTest } from "./server-fake-gateway.js";

const start = fakeServerPerTest();

const body = JSON.stringify({ model: "openai/gpt-5.4-nano", input: "Hi" });

describe("server auth", () => {
  it("answers 401 unauthorised without a bearer token, as a flat error with a challenge", async () => {
    const { server, gateway } = await start();
    const response = await fetch(`${server.url}/v1/responses`, { method: "POST", body, headers: { "content-type": "application/json" } });
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toMatch(/^Bearer/);
    expect(await response.json()).toEqual({
      generation_id: null,
      status_code: 401,
      error: "unauthorised",
      error_type: "user",
      error_origin: "user",
      description: expect.stringContaining("Authorization: Bearer"),
    });
    expect(gateway.bodies).toEqual([]);
  });

  it("answers 401 for an unknown key without echoing it", async () => {
    const { server } = await start();
    const wrong = "sk-wrong-key-5551234";
    const response = await fetch(`${server.url}/v1/responses`, { method: "POST", body, headers: authHeaders(wrong) });
    expect(response.status).toBe(401);
    const text = await response.text();
    expect(text).not.toContain(wrong);
    expect(JSON.parse(text)).toMatchObject({ error: "unauthorised", description: "Invalid API key." });
  });

  it("accepts a configured key, with the scheme in any case", async () => {
    const { server } = await start({ apiKeys: ["other", API_KEY] });
    const response = await fetch(`${server.url}/v1/responses`, { method: "POST", body, headers: { authorization: `bearer ${API_KEY}`, "content-type": "application/json" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ object: "response", model: "openai/gpt-5.4-nano" });
  });

  it("rejects everything when no key is configured, and accepts any key with allowAnyKey", async () => {
    const closed = await start({ apiKeys: [] });
    expect((await fetch(`${closed.server.url}/v1/responses`, { method: "POST", body, headers: authHeaders("") })).status).toBe(401);
    expect((await fetch(`${closed.server.url}/v1/responses`, { method: "POST", body, headers: authHeaders("anything") })).status).toBe(401);
    await closed.server.close();
    const open = await start({ apiKeys: [], allowAnyKey: true });
    expect((await fetch(`${open.server.url}/v1/responses`, { method: "POST", body, headers: authHeaders("YOUR_API_KEY") })).status).toBe(200);
  });

  it("serves /healthz without auth", async () => {
    const { server } = await start();
    const response = await fetch(`${server.url}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers unknown routes with 404 not_found, after auth under /v1", async () => {
    const { server } = await start();
    expect((await fetch(`${server.url}/v1/chat/completions`, { method: "POST", body })).status).toBe(401);
    const known = await fetch(`${server.url}/v1/chat/completions`, { method: "POST", body, headers: authHeaders() });
    expect(known.status).toBe(404);
    expect(await known.json()).toMatchObject({ error: "not_found", status_code: 404, description: "No route POST /v1/chat/completions." });
    const outside = await fetch(`${server.url}/nowhere`);
    expect(outside.status).toBe(404);
    expect((await fetch(`${server.url}/v1/responses`, { headers: authHeaders() })).status).toBe(404);
  });
});
