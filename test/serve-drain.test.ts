// Issue 14 item 4: `serve` drains on shutdown under load. Every generation id a client received is in
// the --export-usage file (once), no stream ends without a terminal event, requests still running when
// the grace period ends are cancelled (a 503 naming their id, or a failed stream) and recorded `cancelled`.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parseSseStream } from "../src/core/sse.js";
import type { UsageRecord } from "../src/gateway/types.js";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import { startServe, type ServeHandle } from "../src/serve/start-serve.js";

// Answers take from ~100 ms to seconds and stream slowly, so a 400 ms grace period finds some
// requests finished, some running and some streaming.
const SCENARIO = `
name: drain
seed: 3
catalog: default
providers:
  - id: openai
    latency: { lognormal: { median: 300ms, p99: 3s } }
    ttft: { lognormal: { median: 150ms, p99: 1s } }
    throughput: 40
traffic: { requests: [] }
expectations: []
`;

const TERMINAL = new Set(["response.completed", "response.failed", "response.incomplete", "error"]);

interface Seen {
  ids: string[];
  streams: { id: string; terminal: string | null }[];
  json503: { id: string | null }[];
}

let dir: string | undefined;
let served: ServeHandle | undefined;
afterEach(async () => {
  await served?.abort();
  if (dir) rmSync(dir, { recursive: true, force: true });
  served = undefined;
  dir = undefined;
});

async function start(graceMs: number): Promise<{ served: ServeHandle; exportFile: string; lines: string[] }> {
  dir = mkdtempSync(join(tmpdir(), "serve-drain-"));
  writeFileSync(join(dir, "drain.yaml"), SCENARIO);
  const loaded = loadScenario(join(dir, "drain.yaml"));
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const lines: string[] = [];
  const exportFile = join(dir, "usage.jsonl");
  served = await startServe({ scenario: loaded.scenario, port: 0, speed: 1, exportUsage: exportFile, graceMs, log: (l) => lines.push(l) });
  return { served, exportFile, lines };
}

/** One client: requests back to back (JSON and streamed in turn) until the server stops answering. */
async function client(url: string, n: number, seen: Seen, stopAt: { stopped: boolean }): Promise<void> {
  for (let k = 0; !stopAt.stopped || k < 1; k++) {
    const stream = (n + k) % 2 === 0;
    let response: Response;
    try {
      response = await fetch(`${url}/v1/responses`, {
        method: "POST",
        headers: { authorization: "Bearer YOUR_API_KEY", "content-type": "application/json" },
        body: JSON.stringify({ model: "openai/gpt-5.4-nano", input: `Client ${n}, request ${k}: summarise.`, stream }),
      });
    } catch {
      return; // the listener is closed: the server is gone
    }
    const id = response.headers.get("x-generation-id");
    if (id !== null) seen.ids.push(id);
    if (response.headers.get("content-type")?.startsWith("text/event-stream") && response.body) {
      let terminal: string | null = null;
      try {
        for await (const event of parseSseStream(response.body)) {
          const type = event.event ?? (JSON.parse(event.data) as { type?: string }).type ?? "";
          if (TERMINAL.has(type)) terminal = type;
        }
      } catch {
        // A cut connection: recorded as a stream without a terminal event.
      }
      seen.streams.push({ id: id ?? "", terminal });
      continue;
    }
    const body = (await response.json()) as { generation_id?: string | null };
    if (response.status === 503) {
      seen.json503.push({ id: body.generation_id ?? null });
      if (id === null) return; // turned away: the server is draining
    }
  }
}

function exported(file: string): UsageRecord[] {
  return readFileSync(file, "utf8")
    .trim()
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as UsageRecord);
}

describe("serve drains on shutdown", () => {
  it("under load: every id a client received is exported once, every stream ends with a terminal event", async () => {
    const { served, exportFile, lines } = await start(400);
    const seen: Seen = { ids: [], streams: [], json503: [] };
    const stop = { stopped: false };
    const clients = Array.from({ length: 24 }, (_, n) => client(served.url, n, seen, stop));
    await new Promise((r) => setTimeout(r, 1_500));
    stop.stopped = true;
    const inFlight = served.inFlight;
    await served.close();
    await Promise.all(clients);

    const records = exported(exportFile);
    const byId = new Map(records.map((r) => [r.id, r]));
    expect(records.length).toBe(byId.size); // no id exported twice
    expect(seen.ids.length).toBeGreaterThan(0);
    for (const id of seen.ids) expect(byId.has(id), `generation ${id} sent to a client but not exported`).toBe(true);
    for (const s of seen.streams) expect(s.terminal, `stream ${s.id} ended without a terminal event`).not.toBeNull();
    // The grace period ended with requests running: they were cancelled, answered and recorded so.
    expect(inFlight).toBeGreaterThan(0);
    const cancelled = records.filter((r) => r.status === "cancelled");
    expect(cancelled.length).toBeGreaterThan(0);
    for (const r of cancelled) expect(seen.ids).toContain(r.id);
    // A JSON request cut by the drain got a 503 naming an id whose record says cancelled.
    for (const { id } of seen.json503) if (id !== null) expect(byId.get(id)).toMatchObject({ status: "cancelled", http_status: 503 });
    expect(lines.some((l) => /^cancelled \d+ of \d+ requests still in flight/.test(l))).toBe(true);
    expect(records.some((r) => r.status === "completed")).toBe(true);
  }, 30_000);

  it("turns new requests away with a flat 503 while it drains, and lets running ones finish", async () => {
    const { served, exportFile } = await start(5_000);
    const post = (stream: boolean): Promise<Response> =>
      fetch(`${served.url}/v1/responses`, {
        method: "POST",
        headers: { authorization: "Bearer YOUR_API_KEY", "content-type": "application/json" },
        body: JSON.stringify({ model: "openai/gpt-5.4-nano", input: "A long answer, please.", stream }),
      });
    const running = post(false);
    while (served.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
    const closing = served.close();
    const turnedAway = await post(false).catch(() => undefined);
    // Either refused at the socket (listener closed) or answered 503 on a kept-alive connection.
    if (turnedAway) {
      expect(turnedAway.status).toBe(503);
      expect(await turnedAway.json()).toMatchObject({ error: "service_unavailable", generation_id: null, reason: "shutting_down" });
    }
    const first = await running;
    expect(first.status).toBe(200);
    const id = first.headers.get("x-generation-id");
    await closing;
    expect(exported(exportFile).find((r) => r.id === id)?.status).toBe("completed");
  }, 30_000);

  // The other surfaces share the hot path and the gateway's cancellation: the drain cuts them alike.
  const messages = [{ role: "user", content: "A long answer, please." }];
  for (const [path, body] of [
    ["/v1/chat/completions", { model: "openai/gpt-5.4-nano", messages }],
    ["/v1/messages", { model: "openai/gpt-5.4-nano", max_tokens: 256, messages }],
  ] as const) {
    it(`cancels a ${path} request still running when the grace period ends: a 503 naming a cancelled record`, async () => {
      const { served, exportFile } = await start(0);
      const running = fetch(`${served.url}${path}`, {
        method: "POST",
        headers: { authorization: "Bearer YOUR_API_KEY", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      while (served.inFlight === 0) await new Promise((r) => setTimeout(r, 5));
      await served.close();
      const response = await running;
      expect(response.status).toBe(503);
      const answer = (await response.json()) as { generation_id?: string | null };
      expect(answer).toMatchObject({ error: "service_unavailable", reason: "shutting_down" });
      expect(exported(exportFile).find((r) => r.id === answer.generation_id)).toMatchObject({ status: "cancelled", http_status: 503 });
    }, 30_000);
  }

  // `serve --traffic`: stopping the clock rejects the traffic's sleeps at once, while its requests already
  // sent are still ending. Their records used to arrive after the export was closed (write after end:
  // an internal error and lost records on Ctrl-C under load).
  it("with --traffic: requests the scenario's own traffic has in flight are recorded before the export closes", async () => {
    dir = mkdtempSync(join(tmpdir(), "serve-drain-"));
    const at = [0, 50, 100, 150, 200, 250];
    writeFileSync(
      join(dir, "traffic.yaml"),
      SCENARIO.replace("latency: { lognormal: { median: 300ms, p99: 3s } }", "latency: { lognormal: { median: 20s, p99: 30s } }").replace(
        "traffic: { requests: [] }",
        `traffic: { requests: [${at.map((ms) => `{ at: ${ms}, body: { model: openai/gpt-5.4-nano, input: "Request at ${ms} ms." } }`).join(", ")}] }`,
      ),
    );
    const loaded = loadScenario(join(dir, "traffic.yaml"));
    if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
    const exportFile = join(dir, "usage.jsonl");
    served = await startServe({ scenario: loaded.scenario, port: 0, speed: 1, traffic: true, exportUsage: exportFile, graceMs: 0, log: () => undefined });
    // Every request sent and none answered (each takes ~20 s): then stop.
    await new Promise((r) => setTimeout(r, 600));
    await served.close();
    const records = exported(exportFile);
    expect(records).toHaveLength(at.length);
    expect(records.every((r) => r.status === "cancelled" || r.status === "failed")).toBe(true);
  }, 30_000);
});
