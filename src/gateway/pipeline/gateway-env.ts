// What every pipeline stage may use: the injected parts of one gateway instance.
import type { CacheNotStoredReason } from "../../cache/cache-reasons.js";
import type { ResponseCacheStore } from "../../cache/cache-store.js";
import type { Clock } from "../../core/clock.js";
import type { RandomFactory } from "../../core/random.js";
import type { Catalog } from "../catalog/schema.js";
import type { PresetStore } from "../presets/preset-store.js";
import type { GatewaySettings } from "../settings.js";
import type { AttemptRecord, HealthStore, UsageRecord } from "../types.js";
import type { UsageLog } from "../usage/usage-log.js";

/** Lifecycle events, emitted in order for each request (msw-style: observers attach without coupling). */
export type GatewayEvent =
  | { type: "request:start"; id: string; at: number }
  | { type: "attempt:end"; id: string; at: number; attempt: AttemptRecord }
  /** A miss whose answer the store did not keep: the client still sees `miss`, as when the reference's write fails. */
  | { type: "cache:not-stored"; id: string; at: number; key: string; reason: CacheNotStoredReason; bytes: number; maxBytes: number }
  | { type: "request:end"; id: string; at: number; record: UsageRecord };

export interface GatewayEnv {
  fetch: typeof fetch;
  clock: Clock;
  random: RandomFactory;
  catalog: Catalog;
  presets: PresetStore;
  settings: GatewaySettings;
  health: HealthStore;
  cache: ResponseCacheStore;
  usage: UsageLog;
  providerKey: (provider: string, apiKeyEnv: string | undefined) => string;
  onEvent: ((event: GatewayEvent) => void) | undefined;
  newId: () => string;
  /** The next arrival number of this gateway instance (the usage record's `seq`), shared by its surfaces. */
  nextSeq: () => number;
  /** Set per request when the caller can cancel it (see RespondOptions); passed to every upstream call. */
  signal?: AbortSignal | undefined;
}
