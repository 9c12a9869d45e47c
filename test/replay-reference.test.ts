// Incident replay from the reference gateway's own records: `gateway-sim replay` on an export of
// `gateway_requests` rows (or GET /v1/generations answers) detects the format, writes a scenario, and
// running it reproduces the export's routing; a line of neither format is named with its closest one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program.js";
import type { UsageRecord } from "../src/gateway/types.js";
import { createMemoryUsageLog } from "../src/gateway/usage/memory-usage-log.js";
import { usageRecord } from "../src/gateway/usage/usage-record-fixture.js";
import { type ReplayRecord, readUsageLog } from "../src/replay/read-usage-log.js";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import { runScenario } from "../src/scenarios/run/run-scenario.js";
import { referenceRowOf } from "./fixtures/replay-reference/reference-row-of.js";
import { captureIo } from "./support/capture-io.js";

const FIXTURES = "test/fixtures/replay-reference";
const dir = mkdtempSync(join(tmpdir(), "replay-reference-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function runWithUsage(file: string): Promise<{ records: UsageRecord[]; failures: string[] }> {
  const loaded = loadScenario(file);
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.file}:${i.line} ${i.path} ${i.message}`).join("\n"));
  const usage = createMemoryUsageLog();
  const report = await runScenario(loaded.scenario, { usage, snapshots: "none" });
  const failures = report.expectations.filter((e) => !e.passed).map((e) => `${e.name}: ${JSON.stringify(e.failures[0])}`);
  return { records: [...usage.list()].sort((a, b) => a.time_ms - b.time_ms), failures };
}

function read(file: string): ReplayRecord[] {
  const result = readUsageLog(file, readFileSync(file, "utf8"));
  if (!result.ok) throw new Error(result.issues.join("\n"));
  return result.records;
}

describe("replay of the reference gateway's generation records", () => {
  it("detects a reference-format export, writes a scenario, and the scenario reproduces its routing (≥ 99 % same provider)", async () => {
    const fixture = join(FIXTURES, "reference-export.jsonl");
    const logged = read(fixture);
    const io = captureIo(process.cwd(), {});
    const out = join(dir, "reference-replay.yaml");
    expect(await runCli(["replay", fixture, "-o", out, "--seed", "1313"], io)).toBe(0);
    expect(io.written()).toContain(`replayed ${logged.length} requests`);
    expect(io.err()).toBe("");
    // The burst on OpenAI comes back from the attempts alone.
    expect(readFileSync(out, "utf8")).toMatch(/http_error: \{ status: 503, probability: 1 \}/);
    const replayed = await runWithUsage(out);
    expect(replayed.records).toHaveLength(logged.length);
    expect(replayed.failures).toEqual([]);
    const same = logged.filter((r, i) => replayed.records[i]?.selected_provider === r.selected_provider).length;
    expect(same / logged.length).toBeGreaterThanOrEqual(0.99);
    const path = (attempts: readonly { provider: string; outcome: string }[] | undefined) => JSON.stringify(attempts?.map((a) => [a.provider, a.outcome]));
    const sameAttempts = logged.filter((r, i) => path(replayed.records[i]?.attempts) === path(r.attempts)).length;
    expect(sameAttempts / logged.length).toBeGreaterThanOrEqual(0.99);
  }, 60_000);

  it("reads a run's reference rows as it reads the same run's usage records, field by field", async () => {
    const run = await runWithUsage(join(FIXTURES, "source-scenario.yaml"));
    const ownLog = join(dir, "own.jsonl");
    const referenceLog = join(dir, "reference.jsonl");
    writeFileSync(ownLog, run.records.map((r) => `${JSON.stringify(r)}\n`).join(""));
    writeFileSync(referenceLog, run.records.map((r) => `${JSON.stringify(referenceRowOf(r))}\n`).join(""));
    const own = read(ownLog);
    const reference = read(referenceLog);
    expect(reference).toHaveLength(own.length);
    const pairs = own.map((r, i) => [r, reference[i]] as const);
    const failover = pairs.filter(([r]) => r.attempts.length > 1);
    expect(failover.length).toBeGreaterThan(10);
    for (const [r, x] of pairs) {
      expect(x?.id).toBe(r.id);
      // The reference logs a first-token time for streams only (after/audit.ts:507-509).
      expect({ time: x?.time_ms, provider: x?.selected_provider, status: x?.status, http: x?.http_status, stream: x?.stream, usage: x?.usage, ttft: x?.ttft_ms, tps: x?.throughput_tps }).toEqual({
        time: r.time_ms,
        provider: r.selected_provider,
        status: r.status,
        http: r.http_status,
        stream: r.stream,
        usage: r.usage,
        ttft: r.stream ? r.ttft_ms : null,
        tps: r.throughput_tps,
      });
      expect(x?.latency_ms).toBeCloseTo(r.latency_ms, 6);
      expect(x?.cost_usd).toBeCloseTo(r.cost_usd, 9);
      expect(x?.attempts.map((a) => [a.provider, a.outcome, a.status, a.duration_ms])).toEqual(r.attempts.map((a) => [a.provider, a.outcome, a.status, a.duration_ms]));
      const diagnostics = (d: ReplayRecord["routing_diagnostics"] | undefined) => ({
        model: d?.model,
        sort: d?.sort,
        ranked: d?.rankedProviders.map((p) => [p.provider, p.rank, p.breaker, p.placedBy, p.scoreFactors?.priceScore]),
        only: d?.filterStages.find((s) => s.stage === "hints.only")?.dropped,
      });
      expect(diagnostics(x?.routing_diagnostics)).toEqual(diagnostics(r.routing_diagnostics));
    }
  }, 60_000);

  it("reads hand-written GET /v1/generations records: attempts, ranking from the snapshot, times, cache hits and failures", async () => {
    const fixture = join(FIXTURES, "generations-api.jsonl");
    const [failover, blocked, unpriced, failed, hit] = read(fixture);
    // Arrival: the first attempt's start.
    expect(failover?.time_ms).toBe(Date.parse("2026-08-22T10:15:00.041Z"));
    expect(failover?.latency_ms).toBe(1272);
    expect(failover?.selected_provider).toBe("openai-eu");
    expect(failover?.cost_usd).toBeCloseTo(0.000055, 12);
    expect(failover?.attempts.map((a) => [a.provider, a.outcome, a.status, a["error_code"]])).toEqual([
      ["openai", "upstream_non_2xx", 503, "server_error"],
      ["openai-eu", "success", 200, undefined],
    ]);
    expect(failover?.routing_diagnostics).toMatchObject({ strategy: "explicit_sort", sort: "price", consideredProviders: ["openai", "openai-eu"] });
    // Without the diagnostics flag the ranking comes from routing_snapshot.
    expect(blocked?.routing_diagnostics?.rankedProviders.map((p) => [p.provider, p.breaker, p.scoreFactors?.priceScore])).toEqual([
      ["openai", "open", 1],
      ["openai-eu", "closed", 0.826446],
    ]);
    expect(blocked?.routing_diagnostics?.sort).toBeUndefined();
    expect(blocked?.stream).toBe(true);
    expect(blocked?.ttft_ms).toBe(655);
    // Tokens per second after the first token (120 in 2100 − 655 ms), not the row's 120 / 2.1 s.
    expect(blocked?.throughput_tps).toBe(83.04);
    // An offer without pricing never reached its provider.
    expect(unpriced?.attempts.map((a) => a.provider)).toEqual(["openai"]);
    expect([failed?.status, failed?.http_status, failed?.selected_provider, failed?.cost_usd, failed?.latency_ms]).toEqual(["failed", 502, null, 0, 1603]);
    // A cache hit has no attempt: inserted at 10:15:24.019, after its 14 ms.
    expect(hit?.time_ms).toBe(Date.parse("2026-08-22T10:15:24.005Z"));
    expect(hit?.response_cache?.status).toBe("hit");
    const io = captureIo(process.cwd(), {});
    const out = join(dir, "generations-replay.yaml");
    expect(await runCli(["replay", fixture, "-o", out], io)).toBe(0);
    expect(io.written()).toContain("replayed 5 requests");
    expect(loadScenario(out).ok).toBe(true);
  });

  it("names each line that is neither format, with its closest format and what that misses (exit 2)", async () => {
    const rows = readFileSync(join(FIXTURES, "generations-api.jsonl"), "utf8").split("\n");
    const reference = JSON.parse(rows[0] ?? "") as Record<string, unknown>;
    const { provider_attempts: _attempts, detail_metadata: _detail, ...logsRow } = reference;
    const own = usageRecord();
    const bad = join(dir, "mixed.jsonl");
    writeFileSync(
      bad,
      [
        JSON.stringify(reference),
        JSON.stringify(logsRow),
        JSON.stringify({ ...own, http_status: "200" }),
        JSON.stringify({ request_id: "G-1", time_ms: 5, provider: "openai", status_code: 200, success: true }),
        "[]",
        "",
      ].join("\n"),
    );
    const io = captureIo(process.cwd(), {});
    expect(await runCli(["replay", bad], io)).toBe(2);
    const lines = io.err().trimEnd().split("\n");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toBe(
      `${bad}:2: not a usage record: closest to a reference (Phaseo) generation record (8 of its 10 key fields): provider_attempts Invalid input: expected array, received undefined; detail_metadata Invalid input: expected object, received undefined (a GET /v1/logs row has no attempts: export the gateway_requests rows, or GET /v1/generations records)`,
    );
    expect(lines[1]).toBe(`${bad}:3: not a usage record: closest to a gateway-sim usage record (9 of its 9 key fields): http_status Invalid input: expected number, received string`);
    expect(lines[2]).toMatch(
      new RegExp(`^${bad.replaceAll(/[.*+?^${}()|[\]\\]/g, "\\$&")}:4: not a usage record: closest to a reference \\(Phaseo\\) generation record \\(4 of its 10 key fields\\): endpoint `),
    );
    expect(lines[2]).toContain("provider_attempts Invalid input");
    expect(lines[3]).toBe(`${bad}:5: not a usage record: an array, expected one record object per line`);
  });
});
