// The gateway as a library: one function from a `/v1/responses` body to a response, built from
// injected parts (fetch, clock, random source, catalog, presets, stores), so it never knows how it is reached.
import { createMemoryCacheStore } from "../cache/memory-cache-store.js";
import type { ResponseCacheStore } from "../cache/cache-store.js";
import type { Clock } from "../core/clock.js";
import type { RandomFactory } from "../core/random.js";
import type { SseEvent } from "../core/sse.js";
import type { Catalog } from "./catalog/schema.js";
import { createHealthStore } from "./health/health-store.js";
import { handleResponses } from "./pipeline/handle-responses.js";
import type { GatewayEnv, GatewayEvent } from "./pipeline/gateway-env.js";
import type { PresetStore } from "./presets/preset-store.js";
import { defaultGatewaySettings, type GatewaySettings } from "./settings.js";
import type { HealthStore, UsageRecord } from "./types.js";
import { createMemoryUsageLog } from "./usage/memory-usage-log.js";
import type { UsageLog } from "./usage/usage-log.js";

export type { GatewayEvent } from "./pipeline/gateway-env.js";

export interface GatewayDeps {
  fetch: typeof fetch;
  clock: Clock;
  random: RandomFactory;
  catalog: Catalog;
  presets: PresetStore;
  settings?: GatewaySettings | undefined;
  health?: HealthStore | undefined;
  cache?: ResponseCacheStore | undefined;
  usage?: UsageLog | undefined;
  /** The API key sent to a provider; defaults to the offer's `api_key_env` variable, else a placeholder. */
  providerKey?: ((provider: string, apiKeyEnv: string | undefined) => string) | undefined;
  /** Lifecycle events (`request:start`, `attempt:end`, `request:end`) for journals and progress. */
  onEvent?: ((event: GatewayEvent) => void) | undefined;
}

/** A finished JSON answer, or a stream of Responses events whose record settles when it ends. */
export type GatewayResponse =
  | { kind: "json"; status: number; headers: Record<string, string>; body: unknown; record: UsageRecord }
  | { kind: "stream"; status: 200; headers: Record<string, string>; events: AsyncIterable<SseEvent>; record: Promise<UsageRecord> };

/** Per-request options of `respond`. */
export interface RespondOptions {
  /**
   * Aborting it cancels the request's upstream calls (a server draining on shutdown, a client gone):
   * the answer is then an error and the usage record says `cancelled`.
   */
  signal?: AbortSignal | undefined;
}

export interface Gateway {
  /** Handles one `POST /v1/responses` body (already JSON-decoded). Never throws for bad input. */
  respond(body: unknown, options?: RespondOptions): Promise<GatewayResponse>;
  readonly usage: UsageLog;
  readonly health: HealthStore;
  readonly cache: ResponseCacheStore;
  readonly settings: GatewaySettings;
}

const PLACEHOLDER_KEY = "gateway-sim-upstream-key";

/**
 * Builds a gateway.
 *
 * @example
 * const gateway = createGateway({ fetch, clock: new RealClock(), random: createRandomFactory("seed"), catalog, presets });
 * const response = await gateway.respond({ model: "openai/gpt-5.4-nano", input: "Hello" });
 */
export function createGateway(deps: GatewayDeps): Gateway {
  const settings = deps.settings ?? defaultGatewaySettings();
  const ids = deps.random("ids");
  const env: GatewayEnv = {
    fetch: deps.fetch,
    clock: deps.clock,
    random: deps.random,
    catalog: deps.catalog,
    presets: deps.presets,
    settings,
    health: deps.health ?? createHealthStore(settings),
    cache: deps.cache ?? createMemoryCacheStore(),
    usage: deps.usage ?? createMemoryUsageLog(),
    providerKey: deps.providerKey ?? environmentKeys(),
    onEvent: deps.onEvent,
    newId: () => `G-${hex(ids.next)}${hex(ids.next)}${hex(ids.next)}`,
  };
  return {
    // A copy of env only for a request that can be cancelled: the common path stays allocation-free.
    respond: (body, options) => handleResponses(body, options?.signal ? { ...env, signal: options.signal } : env),
    usage: env.usage,
    health: env.health,
    cache: env.cache,
    settings,
  };
}

/** Upstream keys from the offers' `api_key_env` variables, read once per variable. */
function environmentKeys(): (provider: string, apiKeyEnv: string | undefined) => string {
  const keys = new Map<string, string>();
  return (_provider, apiKeyEnv) => {
    if (apiKeyEnv === undefined) return PLACEHOLDER_KEY;
    let key = keys.get(apiKeyEnv);
    if (key === undefined) {
      key = process.env[apiKeyEnv] ?? PLACEHOLDER_KEY;
      keys.set(apiKeyEnv, key);
    }
    return key;
  };
}

function hex(next: () => number): string {
  return Math.floor(next() * 0x1_0000_0000)
    .toString(16)
    .padStart(8, "0");
}
