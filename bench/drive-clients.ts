// The load both virtual-clock benches apply: `clients` concurrent clients, each sending its share of
// `requests` one after another, the whole run driven by the clock; memory sampled every 50 requests.
import type { VirtualClock } from "../src/core/virtual-clock.js";

export interface DriveFigures {
  requests: number;
  wallMs: number;
  simulatedMs: number;
  peakHeapMb: number;
  peakRssMb: number;
}

/**
 * @example
 * const figures = await driveClients(clock, { clients: 100, requests: 20_000 }, (client, i) => send(client, i));
 */
export async function driveClients(clock: VirtualClock, load: { clients: number; requests: number }, send: (client: number, index: number) => Promise<void>): Promise<DriveFigures> {
  let peakHeap = 0;
  let peakRss = 0;
  const started = performance.now();
  const simStart = clock.now();
  await clock.run(async () => {
    await Promise.all(
      Array.from({ length: load.clients }, async (_, client) => {
        for (let i = 0; i < load.requests / load.clients; i++) {
          await send(client, i);
          if (client === 0 && i % 50 === 0) {
            const memory = process.memoryUsage();
            peakHeap = Math.max(peakHeap, memory.heapUsed);
            peakRss = Math.max(peakRss, memory.rss);
          }
        }
      }),
    );
  });
  return { requests: load.requests, wallMs: performance.now() - started, simulatedMs: clock.now() - simStart, peakHeapMb: peakHeap / 2 ** 20, peakRssMb: peakRss / 2 ** 20 };
}
