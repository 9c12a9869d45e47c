// The line `serve` prints when the response cache refuses an answer (the gateway's `cache:not-stored`
// event): which request's answer, how large, and why, so a budget set too small is seen as it bites.
import type { CacheNotStoredReason } from "../cache/cache-reasons.js";
import type { GatewayEvent } from "../gateway/create-gateway.js";

type CacheNotStored = Extract<GatewayEvent, { type: "cache:not-stored" }>;

/** `67,108,864 bytes (64 MiB)`: exact, with the binary unit when it is a whole one. */
export function describeBytes(bytes: number): string {
  const exact = `${bytes.toLocaleString("en-US")} byte${bytes === 1 ? "" : "s"}`;
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${exact} (${bytes / (1024 * 1024)} MiB)`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${exact} (${bytes / 1024} KiB)`;
  return exact;
}

// One entry a reason: a new reason does not compile until it says why in words.
const WHY: Record<CacheNotStoredReason, (event: CacheNotStored) => string> = {
  entry_too_large: (event) => `it is ${describeBytes(event.bytes)}, more than the whole cache budget of ${describeBytes(event.maxBytes)} (settings cache.maxBytes)`,
};

/**
 * `[+12s] cache did not store the answer to G-…: it is 1,678 bytes, more than the whole cache budget of
 * 1,000 bytes (settings cache.maxBytes); the client saw a miss (gateway)`
 *
 * @example
 * onEvent: (event) => event.type === "cache:not-stored" && log(formatCacheNotStored(event, sinceStart(start)));
 */
export function formatCacheNotStored(event: CacheNotStored, since: (at: number) => string): string {
  return `[${since(event.at)}] cache did not store the answer to ${event.id}: ${WHY[event.reason](event)}; the client saw a miss (gateway)`;
}
