// `settings.cache.maxBytes` / `maxEntries` in a scenario file, run by `gateway-sim run`: a budget that
// holds one answer evicts it for the next, a budget smaller than one answer stores nothing, and the
// defaults keep both. The scenario's own cache expectations are the assertions (each run's status differs).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program.js";
import { captureIo } from "./support/capture-io.js";

const dir = mkdtempSync(join(tmpdir(), "scenarios-cache-bounds-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 30 output tokens: each answer's JSON text is about 1.7 KB (a third of the 2,500 budget apart, either way).
const scenario = (settings: string, aAgain: string, aAfterB: string) => `
name: cache-bounds
seed: 5
catalog: default
providers:
  - { id: openai, latency: 100ms, output_tokens: 30 }
settings: ${settings}
traffic:
  requests:
    - { name: a-first, at: 0s, body: &a { model: openai/gpt-5.4-nano, input: "Question A" } }
    - { name: a-again, at: 1s, body: *a }
    - { name: b-first, at: 2s, body: { model: openai/gpt-5.4-nano, input: "Question B" } }
    - { name: a-after-b, at: 3s, body: *a }
expectations:
  - { name: a-again, request: a-again, cache: ${aAgain} }
  - { name: a-after-b, request: a-after-b, cache: ${aAfterB} }
  - { name: every answer is served, client_error_rate: { max: 0 } }
`;

interface JsonReport {
  scenarios: { status: string; expectations: { name: string; passed: boolean; failures: { actual: string }[] }[] }[];
}

async function run(name: string, text: string): Promise<{ code: number; report: JsonReport }> {
  const file = join(dir, `${name}.yaml`);
  writeFileSync(file, text);
  const io = captureIo();
  const code = await runCli(["run", file, "--reporter", "json", "--no-timing"], io);
  return { code, report: JSON.parse(io.written()) as JsonReport };
}

describe("a scenario's cache bounds", () => {
  it.each([
    ["defaults: both answers are kept", "{}", "hit", "hit"],
    ["maxBytes 2500: one answer fits, the second evicts the first", "{ cache: { maxBytes: 2500 } }", "hit", "miss"],
    ["maxEntries 1: the second answer evicts the first", "{ cache: { maxEntries: 1 } }", "hit", "miss"],
    ["maxBytes 1000: no answer fits, so none is stored", "{ cache: { maxBytes: 1000 } }", "miss", "miss"],
  ])("%s", async (name, settings, aAgain, aAfterB) => {
    const { code, report } = await run(name.split(":")[0]?.replace(/\s+/g, "-") ?? "run", scenario(settings, aAgain, aAfterB));
    const [only] = report.scenarios;
    expect(only?.expectations.filter((e) => !e.passed).map((e) => `${e.name}: ${e.failures.map((f) => f.actual).join(", ")}`)).toEqual([]);
    expect(only?.status).toBe("passed");
    expect(code).toBe(0);
  });
});
