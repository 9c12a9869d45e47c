import { describe, expect, it } from "vitest";
import { catalogFileSchema } from "../gateway/catalog/schema.js";
import { loggedPriceOverrides } from "./logged-prices.js";
import { replayRecord } from "./replay-record-fixture.js";

const MODEL = "google/gemini-3.1-flash-lite";
const catalog = catalogFileSchema.parse({
  providers: {
    "google-vertex": { format: "openai-chat", base_url: "https://vertex.example/v1" },
    "google-vertex-eu": { format: "openai-chat", base_url: "https://vertex-eu.example/v1" },
    "google-ai-studio": { format: "openai-chat", base_url: "https://studio.example/v1" },
  },
  models: {
    [MODEL]: {
      offers: {
        "google-vertex": { model: "gemini-3.1-flash-lite", price: { input: 0.1, output: 0.4 } },
        "google-vertex-eu": { model: "gemini-3.1-flash-lite", price: { input: 0.11, output: 0.44 } },
        "google-ai-studio": { model: "gemini-3.1-flash-lite", price: { input: 0.1, output: 0.4 } },
      },
    },
  },
});

/** Billed at `price` (USD per 1M tokens), rounded as the gateway rounds. */
const cost = (price: [number, number], [input, output]: [number, number]): number => Math.round(((input * price[0] + output * price[1]) / 1e6) * 1e9) / 1e9;

describe("loggedPriceOverrides", () => {
  // The scenario priced google-vertex at 0.075 / 0.3: its factor is 1, vertex-eu's (0.375/0.55)², studio's (0.375/0.5)².
  const ranked = { "google-vertex": 1, "google-vertex-eu": (0.375 / 0.55) ** 2, "google-ai-studio": (0.375 / 0.45) ** 2 };
  const mix: [number, number][] = [
    [16, 32],
    [14, 25],
    [15, 38],
    [17, 20],
  ];
  const vertex = mix.map((tokens) => replayRecord({ model: MODEL, ranked, tokens, costUsd: cost([0.075, 0.3], tokens) }));
  const eu = mix.map((tokens) => replayRecord({ model: MODEL, ranked: { "google-vertex-eu": ranked["google-vertex-eu"], "google-vertex": 1 }, tokens, costUsd: cost([0.11, 0.44], tokens) }));

  it("prices a provider from its billed costs and one only ever ranked from its price factor", () => {
    expect(loggedPriceOverrides([...vertex, ...eu], catalog)).toEqual([
      // Studio's factor says 0.45 per 1M in + out, not the catalog's 0.5: the catalog's split, scaled.
      { provider: "google-ai-studio", model: MODEL, price: { input: 0.09, output: 0.36 }, catalog: { input: 0.1, output: 0.4 }, source: "ratio", exact: true },
      { provider: "google-vertex", model: MODEL, price: { input: 0.075, output: 0.3 }, catalog: { input: 0.1, output: 0.4 }, source: "cost", exact: true },
    ]);
  });

  it("finds nothing to override when the log was billed at the catalog's prices", () => {
    const atCatalog = mix.map((tokens) => replayRecord({ model: MODEL, ranked: { "google-vertex": 1, "google-vertex-eu": (0.5 / 0.55) ** 2 }, tokens, costUsd: cost([0.1, 0.4], tokens) }));
    expect(loggedPriceOverrides(atCatalog, catalog)).toEqual([]);
  });

  it("ignores cache hits and failures, which billed no provider", () => {
    const hit = replayRecord({
      model: MODEL,
      ranked,
      tokens: [16, 32],
      costUsd: 0,
      overrides: {
        response_cache: {
          enabled: true,
          status: "hit",
          reason: null,
          key: "k",
          fingerprint: "f",
          ttlSeconds: 300,
          ttlSource: "preset",
          createdAt: "2026-01-01T00:00:00.000Z",
          ageMs: 1000,
          providerId: "google-vertex",
        },
      },
    });
    const failed = replayRecord({ model: MODEL, ranked, tokens: [16, 32], costUsd: 0, overrides: { http_status: 502, status: "failed" } });
    expect(loggedPriceOverrides([hit, failed], catalog)).toEqual([]);
  });
});
