// Fake-provider throughput on the virtual clock: simulated requests per wall-second through
// fleet.fetch (direct) and through msw interception of the global fetch, the simulated-to-wall
// time ratio, and the heap high-water mark of a long run with a bounded journal; one JSON and one
// streamed row per wire format (each format's own URL, headers and body).
import { VirtualClock } from "../src/core/virtual-clock.js";
import { createFakeFleet, type FakeFleet } from "../src/fakes/fleet.js";
import { defineFakeProvider } from "../src/fakes/profile/schema.js";
import { WIRE_FORMATS, type WireFormat } from "../src/providers/wire-formats.js";
import { startMswInterception } from "../src/fakes/transports/msw.js";
import { driveClients, type DriveFigures } from "./drive-clients.js";
import { fmt, printSection } from "./stats.js";

const URL = "https://api.openai.com/v1/chat/completions";
const BODY = JSON.stringify({ model: "gpt-5.4-nano", messages: [{ role: "user", content: "Summarise the incident in one line." }] });
const STREAM_BODY = JSON.stringify({ model: "gpt-5.4-nano", stream: true, messages: [{ role: "user", content: "Summarise the incident in one line." }] });
const CLIENTS = 100;

export type FakesRun = DriveFigures;

const PROMPT = "Summarise the incident in one line.";
const SIGV4 = {
  authorization: `AWS4-HMAC-SHA256 Credential=AKIDBENCH/20260101/us-east-1/bedrock/aws4_request, SignedHeaders=host;x-amz-date, Signature=${"0".repeat(64)}`,
  "x-amz-date": "20260101T000000Z",
};

/** One call per format: where it goes, with which headers, and its JSON and streamed bodies. */
const CALLS: Record<WireFormat, { model: string; url: (stream: boolean) => string; headers: Record<string, string>; body: (stream: boolean) => string }> = {
  "openai-chat": { model: "gpt-5.4-nano", url: () => URL, headers: {}, body: (stream) => (stream ? STREAM_BODY : BODY) },
  "anthropic-messages": {
    model: "claude-haiku-4-5",
    url: () => "https://anthropic.gateway-sim.test/v1/messages",
    headers: { "anthropic-version": "2023-06-01" },
    body: (stream) => JSON.stringify({ model: "claude-haiku-4-5", max_tokens: 1024, stream, messages: [{ role: "user", content: PROMPT }] }),
  },
  "openai-responses": {
    model: "gpt-5.4-nano",
    url: () => "https://responses.gateway-sim.test/v1/responses",
    headers: {},
    body: (stream) => JSON.stringify({ model: "gpt-5.4-nano", stream, input: PROMPT }),
  },
  gemini: {
    model: "gemini-2.5-flash",
    url: (stream) => `https://gemini.gateway-sim.test/v1beta/models/gemini-2.5-flash:${stream ? "streamGenerateContent?alt=sse" : "generateContent"}`,
    headers: {},
    body: () => JSON.stringify({ contents: [{ role: "user", parts: [{ text: PROMPT }] }] }),
  },
  "bedrock-converse": {
    model: "amazon.nova-micro-v1:0",
    url: (stream) => `https://bedrock.gateway-sim.test/model/amazon.nova-micro-v1%3A0/${stream ? "converse-stream" : "converse"}`,
    headers: SIGV4,
    body: () => JSON.stringify({ messages: [{ role: "user", content: [{ text: PROMPT }] }] }),
  },
};

const HOSTS: Record<WireFormat, string> = { "openai-chat": "openai", "anthropic-messages": "anthropic", "openai-responses": "responses", gemini: "gemini", "bedrock-converse": "bedrock" };

function fleetOn(clock: VirtualClock): FakeFleet {
  const profiles = WIRE_FORMATS.map((format) =>
    defineFakeProvider({
      id: HOSTS[format],
      format,
      // Known ids keep their real base URL (openai); the others get a reserved .test host.
      ...(format === "openai-chat" ? {} : { base_url: new globalThis.URL(CALLS[format].url(false)).origin + (format === "openai-responses" ? "/v1" : "") }),
      models: { "acme/m": { model: CALLS[format].model, price: { input: 0.05, output: 0.4 } } },
      latency: { lognormal: { median: "800ms", p99: "3s" } },
      ttft: { lognormal: { median: "400ms", p99: "1.5s" } },
      throughput: { normal: { mean: 80, sd: 15 } },
      output_tokens: { lognormal: { median: 60, p99: 300 } },
    }),
  );
  return createFakeFleet({ seed: "bench", clock, profiles, journal: { maxEntries: 1000 } });
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

/** A call in `format`; the body is read whole (streams included) and must be a 200. */
const call = (format: WireFormat, stream: boolean) => {
  const spec = CALLS[format];
  const init = { method: "POST", headers: { "content-type": "application/json", ...spec.headers }, body: spec.body(stream) };
  const url = spec.url(stream);
  return async (fetchFn: typeof fetch) => {
    const response = await fetchFn(url, init);
    // text(), as the JSON rows above: the direct transport hands JSON text over without a byte stream.
    await response.text();
    if (response.status !== 200) throw new Error(`${format} answered ${response.status}`);
  };
};

/** One JSON and one streamed row per wire format (streams at a quarter of the requests: they are slower). */
async function perFormat(requests: number): Promise<Record<string, FakesRun>> {
  const rows: Record<string, FakesRun> = {};
  for (const format of WIRE_FORMATS) {
    rows[`${format}, JSON`] = await drive(requests, call(format, false), false);
    rows[`${format}, streamed`] = await drive(requests / 4, call(format, true), false);
  }
  return rows;
}

export async function benchFakes(requests = 20_000): Promise<Record<string, FakesRun>> {
  await drive(2000, json(BODY), false); // warm-up
  return {
    "direct, JSON": await drive(requests, json(BODY), false),
    "direct, streamed": await drive(requests, json(STREAM_BODY), false),
    ...(await perFormat(requests)),
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
