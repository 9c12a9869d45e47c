import { afterEach, describe, expect, it } from "vitest";
import { loadScenario } from "../scenarios/load/load-scenario.js";
import { type FakesHandle, fakeUrlEnv, startFakes } from "./start-fakes.js";

let fakes: FakesHandle | undefined;
afterEach(async () => {
  await fakes?.close();
  fakes = undefined;
});

async function start(): Promise<FakesHandle> {
  const loaded = loadScenario("test/fixtures/external/fallback-503.yaml");
  if (!loaded.ok) throw new Error("invalid fixture");
  fakes = await startFakes({ scenario: loaded.scenario, port: 0, speed: 100, log: () => undefined });
  return fakes;
}

async function chat(url: string, text: string): Promise<number> {
  const res = await fetch(`${url}/chat/completions`, {
    method: "POST",
    headers: { "content-type": "application/json", authorization: "Bearer k" },
    body: JSON.stringify({ model: "gpt-5.4-nano", messages: [{ role: "user", content: text }] }),
  });
  await res.text();
  return res.status;
}

describe("startFakes", () => {
  it("serves each fake under /<provider-id>, a cursored journal and a reset", async () => {
    const f = await start();
    expect(f.current()).toBeUndefined();
    expect(await chat(f.urls.openai as string, "One [gsim:a]")).toBe(200);
    expect(f.current()?.number).toBe(1);
    expect(await chat(f.urls["openai-eu"] as string, "Two [gsim:b]")).toBe(200);
    const first = (await (await fetch(`${f.control}/journal?after=0&limit=1`)).json()) as { data: { cursor: number; entry: { correlation: string } }[]; next_cursor: string; has_more: boolean };
    expect(first.data.map((d) => d.entry.correlation)).toEqual(["a"]);
    expect(first.has_more).toBe(true);
    const rest = (await (await fetch(`${f.control}/journal?after=${first.next_cursor}`)).json()) as { data: { entry: { correlation: string } }[] };
    expect(rest.data.map((d) => d.entry.correlation)).toEqual(["b"]);
    expect(await (await fetch(`${f.control}/reset`, { method: "POST" })).json()).toEqual({ object: "reset", next_run: 2 });
    expect(f.current()).toBeUndefined();
    expect(await chat(f.urls.openai as string, "Three")).toBe(200);
    expect(f.current()?.number).toBe(2);
  });

  it("answers 404 naming the fakes for an unknown provider, and 400 for a bad cursor", async () => {
    const f = await start();
    const missing = await fetch(`${f.url}/nobody/v1/chat/completions`, { method: "POST" });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain("expected one of openai, openai-eu");
    expect((await fetch(`${f.control}/journal?after=-1`)).status).toBe(400);
  });

  it("names the environment variables from the provider ids", () => {
    expect(fakeUrlEnv({ "openai-eu": "u1", "google.ai": "u2" })).toEqual({ GATEWAY_SIM_OPENAI_EU_URL: "u1", GATEWAY_SIM_GOOGLE_AI_URL: "u2" });
  });
});
