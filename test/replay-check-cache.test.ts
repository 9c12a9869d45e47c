// Incident replay of the response-cache scenario: a request the cache answered is replayed with the
// body of the request that stored the entry, so it is a hit again; requests that missed stay distinct.
// Before, the replay sent every record a body of its own and reproduced 8 of the 12 requests.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program.js";
import type { UsageRecord } from "../src/gateway/types.js";
import { createMemoryUsageLog } from "../src/gateway/usage/memory-usage-log.js";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import { runScenario } from "../src/scenarios/run/run-scenario.js";
import { captureIo } from "./support/capture-io.js";

const dir = mkdtempSync(join(tmpdir(), "replay-check-cache-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A scenario's usage records in arrival order. */
async function usageOf(file: string): Promise<UsageRecord[]> {
  const loaded = loadScenario(file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const usage = createMemoryUsageLog();
  await runScenario(loaded.scenario, { usage, snapshots: "none" });
  return [...usage.list()].sort((a, b) => a.time_ms - b.time_ms || a.seq - b.seq);
}

describe("replay of the response-cache scenario", () => {
  it("replays 12 of 12 requests: every hit a hit again, the other requests distinct", async () => {
    const original = await usageOf("scenarios/cache/release-summary-cache-compatibility.documented.yaml");
    expect(original).toHaveLength(12);
    const hits = original.filter((r) => r.response_cache?.status === "hit").length;
    expect(hits).toBeGreaterThanOrEqual(3);
    const log = join(dir, "cache.jsonl");
    writeFileSync(log, original.map((r) => `${JSON.stringify(r)}\n`).join(""));
    const out = join(dir, "cache-replay.yaml");
    const io = captureIo();
    expect(await runCli(["replay", log, "-o", out, "--seed", "600", "--check", "100%"], io)).toBe(0);
    expect(io.out()).toContain("self-check: the replay reproduces 12 of 12 (100 %) logged requests (same provider and attempts); same provider 12 of 12 (100 %)");
    expect(io.out()).toContain("check passed: 100 % reproduced, threshold 100 %");

    // The replayed run itself, independently of the self-check: a hit exactly where the log had one
    // (a logged bypass, for tools or debug, is a miss: replayed bodies carry neither).
    const replayed = await usageOf(out);
    const hit = (r: UsageRecord) => r.response_cache?.status === "hit";
    expect(replayed.map(hit)).toEqual(original.map(hit));
    expect(replayed.map((r) => r.selected_provider)).toEqual(original.map((r) => r.selected_provider));
    // A hit re-sends the body of the request that stored its entry; the misses' bodies stay distinct.
    const bodies = (readFileSync(out, "utf8").match(/input: "?R[0-9a-z]+ /g) ?? []).map((s) => s.replace(/input: "?/, ""));
    expect(bodies).toHaveLength(12);
    expect(new Set(bodies).size).toBe(12 - hits);
  }, 60_000);
});
