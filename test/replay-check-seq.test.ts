// Usage records carry `seq`, the gateway's arrival number: requests logged in the same millisecond
// replay in the order they arrived, whatever order the log file holds them in.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { createMemoryUsageLog } from "../src/gateway/usage/memory-usage-log.js";
import { buildReplayScenario } from "../src/replay/build-replay-scenario.js";
import { readUsageLog } from "../src/replay/read-usage-log.js";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";
import { runScenario } from "../src/scenarios/run/run-scenario.js";

const dir = mkdtempSync(join(tmpdir(), "replay-check-seq-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Three requests in the same millisecond, told apart by their input length (and so input tokens).
const SCENARIO = `name: same-millisecond
seed: 7
catalog: default
providers:
  - id: openai
  - id: openai-eu
traffic:
  requests:
    - { name: a, at: 2s, body: { model: openai/gpt-5.4-nano, input: "${"a".repeat(40)}" } }
    - { name: b, at: 2s, body: { model: openai/gpt-5.4-nano, input: "${"b".repeat(80)}" } }
    - { name: c, at: 2s, body: { model: openai/gpt-5.4-nano, input: "${"c".repeat(120)}" } }
    - { name: d, at: 3s, body: { model: openai/gpt-5.4-nano, input: "${"d".repeat(160)}" } }
expectations: []
`;

async function sameMillisecondLog(): Promise<string[]> {
  const file = join(dir, "same-millisecond.yaml");
  writeFileSync(file, SCENARIO);
  const loaded = loadScenario(file);
  if (!loaded.ok) throw new Error(JSON.stringify(loaded.issues));
  const usage = createMemoryUsageLog();
  await runScenario(loaded.scenario, { usage, snapshots: "none" });
  return usage.list().map((r) => JSON.stringify(r));
}

describe("usage record seq", () => {
  it("numbers requests in arrival order, 0 first, also within one millisecond", async () => {
    const records = (await sameMillisecondLog()).map((line) => JSON.parse(line) as { seq: number; time_ms: number; usage: { input_tokens: number } });
    const bySeq = [...records].sort((a, b) => a.seq - b.seq);
    expect(bySeq.map((r) => r.seq)).toEqual([0, 1, 2, 3]);
    expect(bySeq.map((r) => r.usage.input_tokens)).toEqual([10, 20, 30, 40]);
    expect(new Set(bySeq.slice(0, 3).map((r) => r.time_ms)).size).toBe(1);
  });

  it("replays a log written out of order in seq order: the same-millisecond requests keep theirs", async () => {
    const lines = await sameMillisecondLog();
    // Written in reverse: c, b, a share a millisecond; without seq the file order would win.
    const read = readUsageLog("reversed.jsonl", `${[...lines].reverse().join("\n")}\n`);
    if (!read.ok) throw new Error(read.issues.join("\n"));
    expect(read.records.map((r) => r.seq)).toEqual([0, 1, 2, 3]);
    const { scenario } = buildReplayScenario(read.records, { name: "reversed", seed: "7" });
    const requests = (scenario.traffic as { requests: { at: number; body: { input: string } }[] }).requests;
    expect(requests.map((r) => r.body.input.length)).toEqual([40, 80, 120, 160]);
    expect(requests.map((r) => r.at)).toEqual([0, 0, 0, 1000]);
  });

  it("still reads a log written before seq existed, keeping its file order within a millisecond", async () => {
    const lines = (await sameMillisecondLog()).map((line) => {
      const { seq: _seq, ...rest } = JSON.parse(line) as Record<string, unknown>;
      return JSON.stringify(rest);
    });
    const written = [...lines].reverse();
    const read = readUsageLog("old.jsonl", `${written.join("\n")}\n`);
    if (!read.ok) throw new Error(read.issues.join("\n"));
    expect(read.records.map((r) => r.seq)).toEqual([undefined, undefined, undefined, undefined]);
    const fileOrder = written.map((line) => (JSON.parse(line) as { usage: { input_tokens: number } }).usage.input_tokens).filter((n) => n !== 40);
    expect(fileOrder).not.toEqual([10, 20, 30]);
    expect(read.records.map((r) => r.usage.input_tokens)).toEqual([...fileOrder, 40]);
  });
});
