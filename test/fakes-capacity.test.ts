// Capacity, queueing, load-dependent latency and rate limits on the clock, with the providers' own
// 429/503/529 answers and headers.
import { describe, expect, it } from "vitest";
import { ANTHROPIC_URL, OPENAI_URL, START, anthropicProfile, chatInit, messagesInit, openAiProfile, virtualFleet } from "./fakes-helpers.js";

describe("rate limits", () => {
  it("answers OpenAI's 429 with retry-after and x-ratelimit-* once rpm is spent, until the minute window resets", async () => {
    const { clock, fleet } = virtualFleet([openAiProfile({ latency: "100ms", rate_limits: { rpm: 2, tpm: 100_000 } })]);
    const results = await clock.run(async () => {
      const out: { status: number; headers: Record<string, string | null>; body: unknown }[] = [];
      for (const at of [0, 10_000, 20_000, 60_000]) {
        await clock.sleep(START + at - clock.now());
        const r = await fleet.fetch(OPENAI_URL, chatInit());
        const pick = ["retry-after", "x-ratelimit-limit-requests", "x-ratelimit-remaining-requests", "x-ratelimit-reset-requests", "x-ratelimit-remaining-tokens"];
        out.push({ status: r.status, headers: Object.fromEntries(pick.map((h) => [h, r.headers.get(h)])), body: await r.json() });
      }
      return out;
    });
    expect(results.map((r) => r.status)).toEqual([200, 200, 429, 200]);
    expect(results[1]?.headers).toMatchObject({ "x-ratelimit-remaining-requests": "0", "x-ratelimit-reset-requests": "50s" });
    expect(results[2]?.headers).toMatchObject({ "retry-after": "40", "x-ratelimit-limit-requests": "2", "x-ratelimit-reset-requests": "40s" });
    expect(results[2]?.body).toMatchObject({ error: { type: "requests", code: "rate_limit_exceeded" } });
    expect((results[2]?.body as { error: { message: string } }).error.message).toContain("on requests per min (RPM): Limit 2, Used 2, Requested 1. Please try again in 40s.");
  });

  it("charges input plus max tokens against tpm and answers Anthropic's 429 with anthropic-ratelimit-*", async () => {
    const { clock, fleet } = virtualFleet([anthropicProfile({ rate_limits: { tpm: 1500 } })]);
    const [first, second] = await clock.run(async () => [await fleet.fetch(ANTHROPIC_URL, messagesInit()), await fleet.fetch(ANTHROPIC_URL, messagesInit())]);
    expect(first?.status).toBe(200);
    expect(first?.headers.get("anthropic-ratelimit-tokens-remaining")).toBe(String(1500 - 1024 - 3));
    expect(second?.status).toBe(429);
    expect(second?.headers.get("anthropic-ratelimit-tokens-reset")).toBe(new Date(START + 60_000).toISOString());
    expect(await second?.json()).toMatchObject({ type: "error", error: { type: "rate_limit_error" } });
  });
});

describe("capacity", () => {
  it("queues beyond max_concurrent, then answers overloaded (OpenAI 503, Anthropic 529) when the queue is full", async () => {
    const { clock, fleet } = virtualFleet([
      openAiProfile({ latency: "1s", capacity: { max_concurrent: 2, queue: 1 } }),
      anthropicProfile({ latency: "1s", capacity: { max_concurrent: 1, queue: 0 } }),
    ]);
    const results = await clock.run(() =>
      Promise.all([
        ...Array.from({ length: 4 }, async () => {
          const start = clock.now();
          const r = await fleet.fetch(OPENAI_URL, chatInit());
          return `openai ${r.status} at ${clock.now() - start}`;
        }),
        ...Array.from({ length: 2 }, async () => `anthropic ${(await fleet.fetch(ANTHROPIC_URL, messagesInit())).status}`),
      ]),
    );
    expect(results).toEqual(["openai 200 at 1000", "openai 200 at 1000", "openai 200 at 2000", "openai 503 at 0", "anthropic 200", "anthropic 529"]);
    expect(fleet.journal.entries.find((e) => e.status === 503)).toMatchObject({ outcome: "overloaded" });
    expect(fleet.journal.entries.find((e) => e.queue?.waitedMs === 1000)).toBeDefined();
  });

  it("grows latency with the load in flight", async () => {
    const { clock, fleet } = virtualFleet([openAiProfile({ latency: "1s", capacity: { load_latency_factor: 0.5 } })]);
    const durations = await clock.run(() =>
      Promise.all(
        Array.from({ length: 3 }, async () => {
          const start = clock.now();
          await (await fleet.fetch(OPENAI_URL, chatInit())).text();
          return clock.now() - start;
        }),
      ),
    );
    // The k-th concurrent request sees k others in flight: 1 s × (1 + 0.5·k).
    expect(durations).toEqual([1000, 1500, 2000]);
  });
});

describe("request checks", () => {
  it("answers the provider's own errors for bad keys, models and limits", async () => {
    const { clock, fleet } = virtualFleet([
      openAiProfile({ api_key: "sk-right", models: { "openai/gpt-x": { model: "gpt-x", price: { input: 1, output: 1 }, structured_output: false, max_output_tokens: 100 } } }),
    ]);
    const auth = { authorization: "Bearer sk-right" };
    const [missing, unknownModel, noStructured, tooMany, badJson] = await clock.run(async () => [
      await fleet.fetch(OPENAI_URL, chatInit({ model: "gpt-x" })),
      await fleet.fetch(OPENAI_URL, chatInit({ model: "gpt-9" }, auth)),
      await fleet.fetch(OPENAI_URL, chatInit({ model: "gpt-x", response_format: { type: "json_schema", json_schema: { name: "x", schema: {} } } }, auth)),
      await fleet.fetch(OPENAI_URL, chatInit({ model: "gpt-x", max_tokens: 101 }, auth)),
      await fleet.fetch(OPENAI_URL, { method: "POST", headers: auth, body: "{not json" }),
    ]);
    expect(missing?.status).toBe(401);
    expect(unknownModel?.status).toBe(404);
    expect(await unknownModel?.json()).toMatchObject({ error: { code: "model_not_found", message: "The model `gpt-9` does not exist or you do not have access to it." } });
    expect(noStructured?.status).toBe(400);
    expect(await tooMany?.json()).toMatchObject({
      error: { param: "max_tokens", message: "max_tokens is too large: 101. This model supports at most 100 completion tokens, whereas you provided 101." },
    });
    expect(badJson?.status).toBe(400);
    expect(fleet.journal.entries.map((e) => e.outcome)).toEqual(["unauthorized", "not_found", "invalid_request", "invalid_request", "invalid_request"]);
  });

  it("fails a request to a host no fake serves like a DNS failure", async () => {
    const { fleet } = virtualFleet([openAiProfile()]);
    await expect(fleet.fetch("https://api.mistral.ai/v1/chat/completions", chatInit())).rejects.toMatchObject({ name: "TypeError", message: "fetch failed", cause: { code: "ENOTFOUND" } });
  });

  it("derives the gateway catalog from the profiles", () => {
    const { fleet } = virtualFleet([openAiProfile(), anthropicProfile()]);
    const catalog = fleet.catalog();
    expect(catalog.providers.anthropic).toEqual({ name: "anthropic", format: "anthropic-messages", baseUrl: "https://api.anthropic.com", apiKeyEnv: undefined });
    expect(catalog.models["openai/gpt-5.4-nano"]?.[0]).toMatchObject({ provider: "openai", providerModel: "gpt-5.4-nano", baseUrl: "https://api.openai.com/v1", maxOutputTokens: 4096, weight: 1 });
  });
});
