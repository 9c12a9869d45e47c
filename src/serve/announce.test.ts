import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/virtual-clock.js";
import { createFakeFleet } from "../fakes/fleet.js";
import { defineFakeProvider } from "../fakes/profile/schema.js";
import { announcingFleet, describePhase, formatStateChange, type StateChange } from "./announce.js";

const nano = { "openai/gpt-5.4-nano": { model: "gpt-5.4-nano", price: { input: 0.05, output: 0.4 } } };

describe("announcingFleet", () => {
  it("reports degradations, their timed end, recoveries and reconfigurations", async () => {
    const clock = new VirtualClock({ start: 0 });
    const fleet = createFakeFleet({ seed: "s", clock, profiles: [defineFakeProvider({ id: "openai", models: nano })] });
    const changes: StateChange[] = [];
    const announced = announcingFleet(fleet, clock, (c) => changes.push(c));
    await clock.advance(120_000);
    announced.degrade("openai", { http_error: { status: 503 }, duration: "5m" });
    expect(fleet.profile("openai").degradations).toHaveLength(1);
    await clock.advance(300_000);
    announced.recover("openai");
    announced.setProfile("openai", fleet.profile("openai"));
    expect(changes.map(formatStateChange)).toEqual([
      '[+2m] openai degraded: http_error {"status":503} for 5m',
      "[+7m] openai recovered: fault phase ended",
      "[+7m] openai recovered: every fault ended",
      "[+7m] openai reconfigured: profile replaced",
    ]);
  });

  it("describes a scalar fault", () => {
    expect(describePhase({ latency_multiplier: 8 })).toBe("latency_multiplier 8");
  });
});
