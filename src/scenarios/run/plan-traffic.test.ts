import { describe, expect, it } from "vitest";
import { trafficSchema } from "../schema/traffic.js";
import { planTraffic } from "./plan-traffic.js";

const traffic = trafficSchema.parse({
  requests: [
    { name: "late", at: "2s", body: { model: "openai/gpt-5.4-nano", input: "late" } },
    { name: "burst", at: 0, repeat: 3, every: "1s", body: { model: "openai/gpt-5.4-nano", input: "burst" } },
  ],
  load: [
    {
      name: "bg",
      duration: "4s",
      count: 2,
      templates: [{ body: { model: "openai/gpt-5.4-nano", input: "Summarize: {{lorem.sentence}}", meta: true } }],
    },
  ],
});

describe("planTraffic", () => {
  it("merges explicit requests and load by time, explicit first on ties, indices in sending order", () => {
    const plan = planTraffic(traffic, "42");
    const requests = [...plan.requests];
    expect(plan.expected).toBe(6);
    expect(requests.map((r) => [r.index, r.offsetMs, r.name])).toEqual([
      [0, 0, "burst"],
      [1, 0, "bg"],
      [2, 1000, "burst"],
      [3, 2000, "late"],
      [4, 2000, "burst"],
      [5, 2000, "bg"],
    ]);
  });

  it("renders faker placeholders with a seeded faker, the same for the same seed", () => {
    const inputs = (seed: string) => [...planTraffic(traffic, seed).requests].filter((r) => r.name === "bg").map((r) => r.body.input);
    const first = inputs("42");
    expect(first[0]).toMatch(/^Summarize: \S.+/);
    expect(first[0]).not.toContain("{{");
    expect(inputs("42")).toEqual(first);
    expect(inputs("43")).not.toEqual(first);
    expect([...planTraffic(traffic, "42").requests][1]?.body.meta).toBe(true);
  });

  it("sends explicit bodies verbatim", () => {
    const burst = [...planTraffic(traffic, "42").requests][0];
    expect(burst?.body).toEqual({ model: "openai/gpt-5.4-nano", input: "burst" });
  });
});
