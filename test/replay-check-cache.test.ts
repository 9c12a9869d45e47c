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

// The documented variant (12 requests) and the reference one (13: its debug request bypasses the
// cache), whose preset ranks by a weighted shuffle the replay reproduces with a preset of its own.
describe.each([
  ["release-summary-cache-compatibility.documented", 12],
  ["release-summary-cache-compatibility", 13],
])("replay of the response-cache scenario %s", (name, count) => {
  it(`replays ${count} of ${count} requests: every hit a hit again, the other requests distinct`, async () => {
    const original = await usageOf(`scenarios/cache/${name}.yaml`);
    expect(original).toHaveLength(count);
    const hits = original.filter((r) => r.response_cache?.status === "hit").length;
    expect(hits).toBeGreaterThanOrEqual(3);
    const log = join(dir, `${name}.jsonl`);
    writeFileSync(log, original.map((r) => `${JSON.stringify(r)}\n`).join(""));
    const out = join(dir, `${name}-replay.yaml`);
    const io = captureIo();
    expect(await runCli(["replay", log, "-o", out, "--seed", "600", "--check", "100%"], io)).toBe(0);
    expect(io.out()).toContain(`self-check: the replay reproduces ${count} of ${count} (100 %) logged requests (same provider and attempts); same provider ${count} of ${count} (100 %)`);
    expect(io.out()).toContain("check passed: 100 % reproduced, threshold 100 %");

    // The replayed run itself, independently of the self-check: a hit exactly where the log had one
    // (a logged bypass, for tools or debug, is a miss: replayed bodies carry neither).
    const replayed = await usageOf(out);
    const hit = (r: UsageRecord) => r.response_cache?.status === "hit";
    expect(replayed.map(hit)).toEqual(original.map(hit));
    expect(replayed.map((r) => r.selected_provider)).toEqual(original.map((r) => r.selected_provider));
    // A hit re-sends the body of the request that stored its entry; the misses' bodies stay distinct.
    const bodies = (readFileSync(out, "utf8").match(/input: "?R[0-9a-z]+ /g) ?? []).map((s) => s.replace(/input: "?/, ""));
    expect(bodies).toHaveLength(count);
    expect(new Set(bodies).size).toBe(count - hits);
  }, 60_000);
});
