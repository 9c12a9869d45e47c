// Fake-provider throughput on the virtual clock: simulated requests per wall-second through
// fleet.fetch (direct) and through msw interception of the global fetch, the simulated-to-wall
// time ratio, and the heap high-water mark of a long run with a bounded journal.
import { VirtualClock } from "../src/core/virtual-clock.js";
import { createFakeFleet, type FakeFleet } from "../src/fakes/fleet.js";
import { defineFakeProvider } from "../src/fakes/profile/schema.js";
import { startMswInterception } from "../src/fakes/transports/msw.js";
import { driveClients, type DriveFigures } from "./drive-clients.js";
import { fmt, printSection } from "./stats.js";

const URL = "https://api.openai.com/v1/chat/completions";
const BODY = JSON.stringify({ model: "gpt-5.4-nano", messages: [{ role: "user", content: "Summarise the incident in one line." }] });
const STREAM_BODY = JSON.stringify({ model: "gpt-5.4-nano", stream: true, messages: [{ role: "user", content: "Summarise the incident in one line." }] });
const CLIENTS = 100;

export type FakesRun = DriveFigures;

function fleetOn(clock: VirtualClock): FakeFleet {
  const profile = defineFakeProvider({
    id: "openai",
    models: { "openai/gpt-5.4-nano": { model: "gpt-5.4-nano", price: { input: 0.05, output: 0.4 } } },
    latency: { lognormal: { median: "800ms", p99: "3s" } },
    ttft: { lognormal: { median: "400ms", p99: "1.5s" } },
    throughput: { normal: { mean: 80, sd: 15 } },
    output_tokens: { lognormal: { median: 60, p99: 300 } },
  });
  return createFakeFleet({ seed: "bench", clock, profiles: [profile], journal: { maxEntries: 1000 } });
}

async function drive(requests: number, send: (fetchFn: typeof fetch) => Promise<void>, useMsw: boolean): Promise<FakesRun> {
  const clock = new VirtualClock();
  const fleet = fleetOn(clock);
  const msw = useMsw ? startMswInterception(fleet) : undefined;
  const fetchFn: typeof fetch = useMsw ? globalThis.fetch : fleet.fetch;
  const figures = await driveClients(clock, { clients: CLIENTS, requests }, () => send(fetchFn));
  msw?.close();
  if (fleet.journal.total !== requests) throw new Error(`journal saw ${fleet.journal.total} of ${requests} calls`);
  return figures;
}

const json = (body: string) => async (fetchFn: typeof fetch) => {
  const response = await fetchFn(URL, { method: "POST", headers: { "content-type": "application/json" }, body });
  await response.text();
};

export async function benchFakes(requests = 20_000): Promise<Record<string, FakesRun>> {
  await drive(2000, json(BODY), false); // warm-up
  return {
    "direct, JSON": await drive(requests, json(BODY), false),
    "direct, streamed": await drive(requests, json(STREAM_BODY), false),
    "msw, JSON": await drive(requests / 4, json(BODY), true),
    "direct, JSON, 100,000 requests": await drive(100_000, json(BODY), false),
  };
}

export function printFakesBench(runs: Record<string, FakesRun>): void {
  printSection(
    `Fake providers on the virtual clock (${CLIENTS} concurrent clients, lognormal 800 ms / 3 s)`,
    Object.entries(runs).map(([name, run]) => ({
      name,
      value: `${fmt(run.requests / (run.wallMs / 1000), 0)} simulated req/s`,
      note: `${run.requests} requests in ${fmt(run.wallMs, 0)} ms wall, ${fmt(run.simulatedMs / run.wallMs, 0)}× real time, heap high-water ${fmt(run.peakHeapMb, 0)} MB incl. uncollected garbage`,
    })),
  );
}

if (import.meta.url === `file://${process.argv[1]}`) printFakesBench(await benchFakes());
