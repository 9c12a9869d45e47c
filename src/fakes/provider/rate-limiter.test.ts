import { describe, expect, it } from "vitest";
import { createRateLimiter } from "./rate-limiter.js";

describe("createRateLimiter", () => {
  it("admits rpm requests per minute window, then says when the window resets", () => {
    const limiter = createRateLimiter({ rpm: 2 }, 0);
    expect(limiter.admit(1000, 0).ok).toBe(true);
    expect(limiter.admit(2000, 0)).toMatchObject({ ok: true, snapshot: { requests: { limit: 2, remaining: 0, resetAt: 60_000 } } });
    expect(limiter.admit(45_000, 0)).toMatchObject({ ok: false, limit: "requests", max: 2, used: 2, retryAfterMs: 15_000 });
    expect(limiter.admit(60_000, 0).ok).toBe(true);
  });

  it("charges tokens and rejects a request that would exceed tpm", () => {
    const limiter = createRateLimiter({ tpm: 1000 }, 0);
    expect(limiter.admit(0, 600).ok).toBe(true);
    expect(limiter.admit(0, 500)).toMatchObject({ ok: false, limit: "tokens", used: 600, requested: 500 });
    expect(limiter.admit(0, 400)).toMatchObject({ ok: true, snapshot: { tokens: { remaining: 0 } } });
  });

  it("counts windows from the fleet's start and reports no limits when none are set", () => {
    const limiter = createRateLimiter({}, 30_000);
    expect(limiter.admit(31_000, 1e9)).toEqual({ ok: true, snapshot: { now: 31_000, requests: undefined, tokens: undefined } });
    limiter.setLimits({ rpm: 1 });
    expect(limiter.admit(31_000, 0)).toMatchObject({ ok: false, retryAfterMs: 59_000 });
  });
});
