// POST /v1/responses over real HTTP: JSON pass-through, malformed and oversized bodies, failures.
import { describe, expect, it } from "vitest";
import { API_KEY, authHeaders, fakeServerPerTest } from "./server-fake-gateway.js";

const start = fakeServerPerTest();

async function post(url: string, body: string, headers: Record<string, string> = authHeaders()) {
  const response = await fetch(`${url}/v1/responses`, { method: "POST", body, headers });
  return { status: response.status, headers: response.headers, json: (await response.json()) as Record<string, unknown> };
}

describe("POST /v1/responses", () => {
  it("hands the parsed body to the gateway and writes its status, headers and body", async () => {
    const { server, gateway } = await start();
    const body = { model: "openai/gpt-5.4-nano", input: "ping" };
    const response = await post(server.url, JSON.stringify(body));
    expect(response.status).toBe(200);
    expect(response.headers.get("x-generation-id")).toBe("G-0001");
    expect(response.json).toMatchObject({ id: "G-0001", output: [{ content: [{ text: "echo: ping" }] }] });
    expect(gateway.bodies).toEqual([body]);
  });

  it("passes the gateway's own 400 through unchanged", async () => {
    const { server } = await start();
    const response = await post(server.url, JSON.stringify({ input: "x", temperature: 9 }));
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ generation_id: "G-0001", error: "validation_error", details: expect.arrayContaining([expect.objectContaining({ path: "temperature" })]) });
  });

  it("reads JSON whatever the content type (curl -d without -H)", async () => {
    const { server } = await start();
    const response = await post(server.url, JSON.stringify({ model: "openai/gpt-5.4-nano", input: "x" }), {
      authorization: `Bearer ${API_KEY}`,
      "content-type": "application/x-www-form-urlencoded",
    });
    expect(response.status).toBe(200);
  });

  it("answers malformed JSON with 400 invalid_json, never reaching the gateway", async () => {
    const { server, gateway } = await start();
    const response = await post(server.url, '{"model": "openai/gpt-5.4-nano", "input": ');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ generation_id: null, status_code: 400, error: "invalid_json", error_type: "user", error_origin: "user" });
    expect(String(response.json["description"])).toMatch(/^Request body is not valid JSON/);
    expect(gateway.bodies).toEqual([]);
  });

  it("answers an empty body with 400 invalid_json", async () => {
    const { server } = await start();
    const response = await post(server.url, "");
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: "invalid_json", description: "Request body is empty: send a JSON object." });
  });

  it("hands a JSON body that is not an object to the gateway, which names the problem", async () => {
    const { server } = await start();
    const response = await post(server.url, '"just a string"');
    expect(response.status).toBe(400);
    expect(response.json).toMatchObject({ error: "validation_error", details: [{ path: "", keyword: "type", message: "the request body must be a JSON object" }] });
  });

  it("answers a body over the limit with 413 payload_too_large", async () => {
    const { server, gateway } = await start({ bodyLimit: "1kb" });
    const response = await post(server.url, JSON.stringify({ model: "openai/gpt-5.4-nano", input: "x".repeat(4096) }));
    expect(response.status).toBe(413);
    expect(response.json).toMatchObject({ generation_id: null, status_code: 413, error: "payload_too_large", description: "Request body too large (limit 1024 bytes)." });
    expect(gateway.bodies).toEqual([]);
  });

  it("turns a gateway exception into 500 gateway_error", async () => {
    const { server } = await start();
    const response = await post(server.url, JSON.stringify({ model: "openai/gpt-5.4-nano", input: "throw" }));
    expect(response.status).toBe(500);
    expect(response.json).toMatchObject({ status_code: 500, error: "gateway_error", error_type: "system", error_origin: "gateway", description: "Unexpected gateway error: fake gateway failure" });
  });
});
