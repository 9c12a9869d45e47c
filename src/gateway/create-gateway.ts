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
import { respondOnSurface } from "./surfaces/respond-on-surface.js";
import type { GatewaySurface } from "./surfaces/surfaces.js";
import type { GatewayEnv, GatewayEvent } from "./pipeline/gateway-env.js";
import type { RequestInfo } from "./pipeline/prepare-stage.js";
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
  | {
      kind: "json";
      status: number;
      headers: Record<string, string>;
      body: unknown;
      record: UsageRecord;
      /** The provider's text before healing, when a provider answered (what /v1/messages returns at reference fidelity). */
      upstreamText?: string | undefined;
    }
  | { kind: "stream"; status: 200; headers: Record<string, string>; events: AsyncIterable<SseEvent>; record: Promise<UsageRecord> };

/** Per-request options of `respond` and `respondOn`: the request's headers and its cancel signal. */
export type RespondOptions = RequestInfo;

export interface Gateway {
  /**
   * Handles one `POST /v1/responses` body (already JSON-decoded). Never throws for bad input.
   * `request.signal` cancels it (a 503 recorded `cancelled`).
   */
  respond(body: unknown, request?: RequestInfo): Promise<GatewayResponse>;
  /**
   * Handles one body on any surface (`/v1/chat/completions`, `/v1/messages`, `/v1/responses`),
   * answering in that API's shape. Each surface has its own health and response cache.
   */
  respondOn(surface: GatewaySurface, body: unknown, request?: RequestInfo): Promise<GatewayResponse>;
  /** The health store of a surface (`health` is the Responses surface's). */
  healthOf(surface: GatewaySurface): HealthStore;
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
  let arrivals = 0;
  const env: GatewayEnv = {
    fetch: deps.fetch,
    clock: deps.clock,
    random: deps.random,
    catalog: deps.catalog,
    presets: deps.presets,
    settings,
    health: deps.health ?? createHealthStore(settings),
    cache: deps.cache ?? settingsCacheStore(settings),
    usage: deps.usage ?? createMemoryUsageLog(),
    providerKey: deps.providerKey ?? environmentKeys(),
    onEvent: deps.onEvent,
    newId: () => `G-${hex(ids.next)}${hex(ids.next)}${hex(ids.next)}`,
    nextSeq: () => arrivals++,
  };
  // The reference keys health and the response cache by endpoint: surfaces share neither. Injected
  // health and cache stores serve the Responses surface; the other two get in-memory ones of their own.
  const surfaceEnvs = new Map<GatewaySurface, GatewayEnv>([["responses", env]]);
  const envOf = (surface: GatewaySurface): GatewayEnv => {
    let surfaceEnv = surfaceEnvs.get(surface);
    if (surfaceEnv === undefined) {
      surfaceEnv = { ...env, health: createHealthStore(settings), cache: settingsCacheStore(settings) };
      surfaceEnvs.set(surface, surfaceEnv);
    }
    return surfaceEnv;
  };
  return {
    respond: (body, request) => handleResponses(body, env, request),
    respondOn: (surface, body, request) => respondOnSurface(surface, body, envOf(surface), request),
    healthOf: (surface) => envOf(surface).health,
    usage: env.usage,
    health: env.health,
    cache: env.cache,
    settings,
  };
}

/** An in-memory response cache bounded by the `cache` settings (`maxEntries`, `maxBytes`). */
function settingsCacheStore(settings: GatewaySettings): ResponseCacheStore {
  return createMemoryCacheStore({ maxEntries: settings.cache.maxEntries, maxBytes: settings.cache.maxBytes });
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
