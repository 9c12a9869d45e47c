// Incident replay, round trip: run an incident scenario, export its usage log, `gateway-sim replay`
// it into a new scenario, run that — the same provider is selected for at least 99 % of requests,
// and the replayed scenario's own routing expectations hold.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program.js";
import type { CliIo } from "../src/cli/io.js";
import type { UsageRecord } from "../src/gateway/types.js";
import { createMemoryUsageLog } from "../src/gateway/usage/memory-usage-log.js";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import { runScenario } from "../src/scenarios/run/run-scenario.js";

const dir = mkdtempSync(join(tmpdir(), "replay-roundtrip-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function captureIo(): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    stdout: { write: (s: string) => (out += s) },
    stderr: { write: (s: string) => (err += s) },
    cwd: process.cwd(),
    env: {},
    out: () => out,
    err: () => err,
  };
}

async function runWithUsage(file: string): Promise<{ records: UsageRecord[]; passed: boolean; failures: string[] }> {
  const loaded = loadScenario(file);
  if (!loaded.ok) throw new Error(loaded.issues.map((i) => `${i.file}:${i.line} ${i.path} ${i.message}`).join("\n"));
  const usage = createMemoryUsageLog();
  const report = await runScenario(loaded.scenario, { usage, snapshots: "none" });
  const failures = report.expectations.filter((e) => !e.passed).map((e) => `${e.name}: ${JSON.stringify(e.failures[0])}`);
  return { records: [...usage.list()].sort((a, b) => a.time_ms - b.time_ms), passed: report.status === "passed", failures };
}

describe("replay round trip", () => {
  it("reproduces the routing of the 503 burst: ≥ 99 % of requests select the same provider", async () => {
    const original = await runWithUsage("scenarios/incidents/openai-503-burst.yaml");
    expect(original.passed).toBe(true);
    const log = join(dir, "burst.jsonl");
    writeFileSync(log, original.records.map((r) => `${JSON.stringify(r)}\n`).join(""));

    const io = captureIo();
    const out = join(dir, "burst-replay.yaml");
    expect(await runCli(["replay", log, "-o", out, "--seed", "503"], io)).toBe(0);
    expect(io.out()).toContain(`replayed ${original.records.length} requests`);
    const yaml = readFileSync(out, "utf8");
    // The burst comes back as an error phase on OpenAI alone.
    expect(yaml).toMatch(/http_error: \{ status: 503, probability: 1 \}/);

    const replayed = await runWithUsage(out);
    expect(replayed.failures).toEqual([]);
    expect(replayed.records).toHaveLength(original.records.length);
    const same = original.records.filter((r, i) => replayed.records[i]?.selected_provider === r.selected_provider).length;
    const share = same / original.records.length;
    expect(share).toBeGreaterThanOrEqual(0.99);
  }, 60_000);

  it("rejects a file that is not a usage log, line by line, with exit code 2", async () => {
    const bad = join(dir, "bad.jsonl");
    writeFileSync(bad, '{"id":"G-1"}\nnot json\n');
    const io = captureIo();
    expect(await runCli(["replay", bad], io)).toBe(2);
    expect(io.err()).toContain(`${bad}:1: not a usage record`);
    expect(io.err()).toContain(`${bad}:2: not JSON`);
  });
});
