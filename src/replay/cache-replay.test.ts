import { describe, expect, it } from "vitest";
import type { ResponseCacheInfo } from "../gateway/types.js";
import { bodySources, cacheSettings } from "./cache-replay.js";
import { replayRecord } from "./replay-record-fixture.js";

const info = (status: "miss" | "hit", key: string, ageMs?: number): ResponseCacheInfo => ({
  enabled: true,
  status,
  reason: null,
  key,
  fingerprint: key,
  ttlSeconds: 600,
  ttlSource: "preset",
  ...(ageMs === undefined ? {} : { ageMs }),
});
const at = (timeMs: number, cache: ResponseCacheInfo | null) =>
  replayRecord({ model: "openai/gpt-5.4-nano", ranked: { openai: 1 }, tokens: [16, 20], costUsd: 0, overrides: { time_ms: timeMs, response_cache: cache } });

describe("bodySources", () => {
  it("points a hit at the latest miss on its key stored before it, and leaves misses distinct", () => {
    const records = [
      at(0, info("miss", "a")),
      at(60_000, info("hit", "a", 59_400)),
      // The entry expired: a second miss on the same key stores a new one, which the next hit reads.
      at(700_000, info("miss", "a")),
      at(760_000, info("hit", "a", 59_500)),
      at(770_000, info("miss", "b")),
      at(780_000, null),
    ];
    expect(bodySources(records)).toEqual([0, 0, 2, 2, 4, 5]);
  });

  it("groups hits on an entry stored before the log began under the first of them", () => {
    expect(bodySources([at(0, info("hit", "a", 5_000)), at(1_000, info("miss", "b")), at(2_000, info("hit", "a", 7_000))])).toEqual([0, 1, 0]);
  });
});

describe("cacheSettings", () => {
  it("keeps the default TTL when every hit came within it, and lengthens it to the logged TTL otherwise", () => {
    expect(cacheSettings([at(0, info("miss", "a")), at(60_000, info("hit", "a", 59_400))])).toEqual({});
    expect(cacheSettings([at(0, info("miss", "a")), at(400_000, info("hit", "a", 399_400))])).toEqual({ settings: { cache: { defaultTtlSeconds: 600 } } });
  });
});
