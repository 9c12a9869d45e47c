// gateway-sim as an HTTP bench target: the real server app and pipeline, every provider of the
// default catalog pointed at the instant upstream, a keep-alive upstream fetch, the response cache
// off (every request calls the upstream, as the floor does).
import { RealClock } from "../../src/core/clock.js";
import { createKeepAliveFetch } from "../../src/core/keep-alive-fetch.js";
import { createRandomFactory } from "../../src/core/random.js";
import { loadDefaultCatalog } from "../../src/gateway/catalog/load-catalog.js";
import type { Catalog } from "../../src/gateway/catalog/schema.js";
import { createGateway, type Gateway } from "../../src/gateway/create-gateway.js";
import { createPresetStore } from "../../src/gateway/presets/preset-store.js";
import { gatewaySettingsSchema } from "../../src/gateway/settings.js";
import { createMemoryUsageLog } from "../../src/gateway/usage/memory-usage-log.js";
import { createServerApp } from "../../src/server/create-server-app.js";
import { startServer } from "../../src/server/start-server.js";
import type { Listening } from "./listen.js";

export const BENCH_KEY = "bench-key";

/** The default catalog with every offer's base URL at `baseUrl` (the upstream serves any path). */
export function localCatalog(catalog: Catalog, baseUrl: string): Catalog {
  const models = Object.fromEntries(Object.entries(catalog.models).map(([id, offers]) => [id, offers.map((o) => ({ ...o, baseUrl: `${baseUrl}/${o.provider}/v1` }))]));
  return { ...catalog, models };
}

/** The body every gateway-sim HTTP bench request sends: a two-provider pool sorted by price, cache off. */
export function gatewayBenchBody(input: string, stream: boolean): Record<string, unknown> {
  return { model: "openai/gpt-5.4-nano", input, provider: { only: ["openai", "openai-eu"], sort: "price" }, response_caching: { enabled: false }, ...(stream ? { stream } : {}) };
}

/**
 * The bench's gateway: the default catalog at `upstreamUrl`, the real clock, cache off, calling `fetch`.
 *
 * @example
 * const gateway = benchGateway(createKeepAliveFetch(), upstream.url);
 */
export function benchGateway(fetch: typeof globalThis.fetch, upstreamUrl: string): Gateway {
  const catalog = loadDefaultCatalog();
  if (!catalog.ok) throw new Error("default catalog failed to load");
  return createGateway({
    fetch,
    clock: new RealClock(),
    random: createRandomFactory("bench-http"),
    catalog: localCatalog(catalog.value, upstreamUrl),
    presets: createPresetStore([]),
    usage: createMemoryUsageLog({ maxRecords: 1000 }),
    // Under reference fidelity the request's `response_caching: { enabled: false }` is ignored (the
    // reference reads the preset's only), and identical bench bodies would be answered from the cache.
    settings: gatewaySettingsSchema.parse({ cache: { store: "none" } }),
  });
}

/**
 * @example
 * const gateway = await startGatewayTarget(upstream.url);
 */
export async function startGatewayTarget(upstreamUrl: string): Promise<Listening> {
  const gateway = benchGateway(createKeepAliveFetch(), upstreamUrl);
  const server = await startServer(createServerApp({ gateway, apiKeys: [BENCH_KEY] }), { port: 0, host: "127.0.0.1" });
  return { url: server.url, close: () => server.close() };
}
