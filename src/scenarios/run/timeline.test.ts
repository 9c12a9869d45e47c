import { describe, expect, it } from "vitest";
import { z } from "zod";
import { timelineEventSchema } from "../schema/timeline.js";
import { runFacts } from "./timeline.js";

const timeline = z.array(timelineEventSchema).parse([
  { at: "1m", name: "burst", degrade: { provider: "openai", http_error: 503 } },
  { at: "2m", name: "spike", degrade: { provider: "openai-eu", duration: "30s", latency_multiplier: 5 } },
  { at: "4m", name: "back", recover: "openai" },
  { at: "5m", name: "later", degrade: { provider: "groq", connection_error: true } },
]);

describe("runFacts", () => {
  it("ends an incident at its duration, else at the provider's next recovery, else never", () => {
    expect(runFacts(timeline).incidents).toEqual({
      burst: { provider: "openai", startMs: 60_000, endMs: 240_000 },
      spike: { provider: "openai-eu", startMs: 120_000, endMs: 150_000 },
      back: { provider: "openai", startMs: 240_000, endMs: undefined },
      later: { provider: "groq", startMs: 300_000, endMs: undefined },
    });
  });

  it("keeps the fault as written for the fleet, and refuses an `at` inside it", () => {
    expect(timeline[0]?.degrade?.restInput).toEqual({ http_error: 503 });
    const bad = timelineEventSchema.safeParse({ at: "1m", degrade: { provider: "openai", at: "2m", http_error: 503 } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({ path: ["degrade", "at"], message: "the event's own `at` sets when the fault starts" });
    const two = timelineEventSchema.safeParse({ at: "1m", recover: "openai", degrade: { provider: "openai", hang: true } });
    expect(two.error?.issues[0]?.message).toBe("expected only one action, got degrade and recover");
  });
});
