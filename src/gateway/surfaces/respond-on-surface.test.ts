import { describe, expect, it } from "vitest";
import { createRandomFactory } from "../../core/random.js";
import { VirtualClock } from "../../core/virtual-clock.js";
import { createFakeFleet } from "../../fakes/fleet.js";
import { defineFakeProvider } from "../../fakes/profile/schema.js";
import { createGateway, type GatewayResponse } from "../create-gateway.js";
import { createPresetStore } from "../presets/preset-store.js";

function setup() {
  const clock = new VirtualClock({ start: Date.UTC(2026, 0, 1) });
  const profiles = [
    defineFakeProvider({ id: "gemini", models: { "acme/m": { model: "gemini-2.5-flash", price: { input: 1, output: 2 } } }, ttft: "100ms", output_tokens: 10 }),
    defineFakeProvider({ id: "openai", models: { "acme/m": { model: "gpt-5.4-nano", price: { input: 3, output: 4 } } }, ttft: "100ms", output_tokens: 10 }),
  ];
  const fleet = createFakeFleet({ seed: "s", clock, profiles });
  const gateway = createGateway({ fetch: fleet.fetch, clock, random: createRandomFactory("s"), catalog: fleet.catalog(), presets: createPresetStore([]) });
  return { clock, fleet, gateway };
}

const json = (r: GatewayResponse) => {
  if (r.kind !== "json") throw new Error("expected JSON");
  return r;
};

describe("respondOn", () => {
  it("keeps a response cache per surface, as the reference keys it by endpoint", async () => {
    const { clock, gateway } = setup();
    const chat = { model: "acme/m", messages: [{ role: "user", content: "Hi" }] };
    const [first, second, responses] = await clock.run(async () => [
      json(await gateway.respondOn("chat.completions", chat)),
      json(await gateway.respondOn("chat.completions", chat)),
      json(await gateway.respondOn("responses", { model: "acme/m", input: [{ role: "user", content: "Hi" }] })),
    ]);
    expect(first.record.response_cache?.status).toBe("miss");
    expect(second.record.response_cache?.status).toBe("hit");
    expect(responses.record.response_cache?.status).toBe("miss");
  });

  it("keeps provider health per surface", async () => {
    const { clock, gateway, fleet } = setup();
    fleet.degrade("gemini", { http_error: { status: 503 } });
    await clock.run(async () => {
      for (let i = 0; i < 3; i++) await gateway.respondOn("messages", { model: "acme/m", max_tokens: 50, messages: [{ role: "user", content: `Hi ${i}` }], provider: { order: ["gemini", "openai"] } });
    });
    const now = clock.now();
    expect(gateway.healthOf("messages").get("gemini", "acme/m", now)).not.toEqual(gateway.health.get("gemini", "acme/m", now));
    expect(gateway.health.snapshot(now)).toEqual([]);
    expect(gateway.healthOf("messages").snapshot(now).length).toBeGreaterThan(0);
  });

  it("answers a body the surface cannot decode with a located validation_error and a usage record", async () => {
    const { clock, gateway } = setup();
    const response = json(await clock.run(() => gateway.respondOn("chat.completions", { model: "acme/m", messages: [{ role: "tool", content: "x" }] })));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: "validation_error", details: [{ path: "messages[0].role" }] });
    expect(gateway.usage.get(response.record.id)?.http_status).toBe(400);
  });
});
