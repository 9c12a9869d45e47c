// Over real HTTP on loopback: a client → the express gateway → a local upstream answering at once,
// against the same client calling that upstream directly. One keep-alive connection, sequential
// requests, as the brief's reference figures (global-fetch proxy ~430/s, keep-alive proxy ~1,700/s,
// Portkey gateway ~400/s on these machines) were taken.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { RealClock } from "../src/core/clock.js";
import { createKeepAliveFetch } from "../src/core/keep-alive-fetch.js";
import { createRandomFactory } from "../src/core/random.js";
import type { Catalog } from "../src/gateway/catalog/schema.js";
import { loadDefaultCatalog } from "../src/gateway/catalog/load-catalog.js";
import { createGateway } from "../src/gateway/create-gateway.js";
import { createPresetStore } from "../src/gateway/presets/preset-store.js";
import { createMemoryUsageLog } from "../src/gateway/usage/memory-usage-log.js";
import { createServerApp } from "../src/server/create-server-app.js";
import { startServer } from "../src/server/start-server.js";
import { ANSWER } from "./gateway.bench.js";
import { elapsedUs, fmt, median, printSection } from "./stats.js";


async function startUpstream(): Promise<{ url: string; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    req.resume();
    req.on("end", () => {
      res.writeHead(200, { "content-type": "application/json", "content-length": Buffer.byteLength(ANSWER) });
      res.end(ANSWER);
    });
  });
  server.keepAliveTimeout = 60_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The default catalog with every provider of `model` pointed at `baseUrl`. */
function localCatalog(catalog: Catalog, baseUrl: string): Catalog {
  const models = Object.fromEntries(Object.entries(catalog.models).map(([id, offers]) => [id, offers.map((o) => ({ ...o, baseUrl: `${baseUrl}/${o.provider}` }))]));
  return { ...catalog, models };
}

async function measure(count: number, send: () => Promise<number>): Promise<{ perSecond: number; medianUs: number }> {
  const times: number[] = [];
  const wallStart = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    const status = await send();
    if (status !== 200) throw new Error(`bench request answered ${status}`);
    times.push(elapsedUs(start));
  }
  const seconds = elapsedUs(wallStart) / 1e6;
  return { perSecond: count / seconds, medianUs: median(times.slice(Math.floor(count / 5))) };
}

export interface HttpBenchResult {
  gatewayPerSecond: number;
  gatewayMedianUs: number;
  directPerSecond: number;
  directMedianUs: number;
}

export async function benchHttp(count = 5_000): Promise<HttpBenchResult> {
  const catalog = loadDefaultCatalog();
  if (!catalog.ok) throw new Error("default catalog failed to load");
  const upstream = await startUpstream();
  const gateway = createGateway({
    fetch: createKeepAliveFetch(),
    clock: new RealClock(),
    random: createRandomFactory("bench-http"),
    catalog: localCatalog(catalog.value, upstream.url),
    presets: createPresetStore([]),
    usage: createMemoryUsageLog({ maxRecords: 1000 }),
  });
  const server = await startServer(createServerApp({ gateway, apiKeys: ["bench-key"] }), { port: 0, host: "127.0.0.1" });
  // One connection for the client, as in the reference measurements.
  const client = createKeepAliveFetch({ maxSockets: 1 });
  const gatewayBody = JSON.stringify({ model: "openai/gpt-5.4-nano", input: "Extract the action items.", provider: { only: ["openai", "openai-eu"], sort: "price" } });
  const directBody = JSON.stringify({ model: "gpt-5.4-nano", messages: [{ role: "user", content: "Extract the action items." }] });
  const headers = { authorization: "Bearer bench-key", "content-type": "application/json" };
  try {
    const viaGateway = await measure(count, async () => {
      const res = await client(`${server.url}/v1/responses`, { method: "POST", headers, body: gatewayBody });
      await res.arrayBuffer();
      return res.status;
    });
    const direct = await measure(count, async () => {
      const res = await client(`${upstream.url}/openai/chat/completions`, { method: "POST", headers, body: directBody });
      await res.arrayBuffer();
      return res.status;
    });
    return { gatewayPerSecond: viaGateway.perSecond, gatewayMedianUs: viaGateway.medianUs, directPerSecond: direct.perSecond, directMedianUs: direct.medianUs };
  } finally {
    await server.close();
    await upstream.close();
  }
}

export function printHttpBench(result: HttpBenchResult): void {
  printSection("Gateway over HTTP (express, loopback, one keep-alive client connection)", [
    { name: "through the gateway", value: `${fmt(result.gatewayPerSecond, 0)} req/s, median ${fmt(result.gatewayMedianUs, 0)} µs` },
    { name: "provider called directly", value: `${fmt(result.directPerSecond, 0)} req/s, median ${fmt(result.directMedianUs, 0)} µs` },
    { name: "ratio direct / gateway (throughput)", value: `${fmt(result.directPerSecond / result.gatewayPerSecond, 2)}x` },
    { name: "gateway added per request (median)", value: `${fmt(result.gatewayMedianUs - result.directMedianUs, 0)} µs` },
    { name: "vs Portkey reference (~400 req/s here)", value: `${fmt(result.gatewayPerSecond / 400, 1)}x`, note: "brief's figure, not re-measured" },
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) printHttpBench(await benchHttp());
