import { describe, expect, it } from "vitest";
import { describeBytes, formatCacheNotStored } from "./cache-not-stored.js";
import { sinceStart } from "./usage-export.js";

describe("formatCacheNotStored", () => {
  it("names the request, the answer's size, the budget and the setting, at the run's offset", () => {
    const event = { type: "cache:not-stored", id: "G-1", at: 12_400, key: "gateway:response-cache:v1:gateway-sim:ab", reason: "entry_too_large", bytes: 1678, maxBytes: 1000 } as const;
    expect(formatCacheNotStored(event, sinceStart(0))).toBe(
      "[+12s] cache did not store the answer to G-1: it is 1,678 bytes, more than the whole cache budget of 1,000 bytes (settings cache.maxBytes); the client saw a miss (gateway)",
    );
  });

  it("shows sizes exactly, with the binary unit when it is a whole one", () => {
    expect([1, 1000, 2048, 1536, 64 * 1024 * 1024, 64 * 1024 * 1024 + 1].map(describeBytes)).toEqual([
      "1 byte",
      "1,000 bytes",
      "2,048 bytes (2 KiB)",
      "1,536 bytes",
      "67,108,864 bytes (64 MiB)",
      "67,108,865 bytes",
    ]);
  });
});
