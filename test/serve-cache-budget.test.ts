// `gateway-sim serve` honours a scenario's `settings.cache.maxBytes`: a budget that holds one answer
// evicts it for the next, and an answer larger than the whole budget is refused with one printed line
// a refusal, naming the request, the answer's size and the budget. Over real HTTP, as a client sees it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { serveCommand } from "../src/cli/commands/serve.js";
import { captureIo } from "./support/capture-io.js";
import { bannerUrl } from "./support/serve-banner.js";

const dir = mkdtempSync(join(tmpdir(), "serve-cache-budget-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

// 30 output tokens: each answer's JSON text is about 1.7 KB.
const scenario = (maxBytes: number) => `
name: cache-budget
seed: 5
catalog: default
providers:
  - { id: openai, latency: 5ms, output_tokens: 30 }
settings: { cache: { maxBytes: ${maxBytes} } }
traffic: { requests: [] }
expectations: []
`;

const REFUSED =
  /^\[\+\d+\S*\] cache did not store the answer to (G-\S+): it is ([\d,]+) bytes, more than the whole cache budget of ([\d,]+) bytes \(settings cache\.maxBytes\); the client saw a miss \(gateway\)$/;

/** Serves the scenario, sends each input in turn, stops; the cache status, id and body length of each answer. */
async function serveAndAsk(maxBytes: number, inputs: string[]) {
  const file = join(dir, `budget-${maxBytes}.yaml`);
  writeFileSync(file, scenario(maxBytes));
  const io = captureIo();
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const exited = serveCommand(file, { port: 0, speed: 1 }, io, () => stopped);
  const url = await bannerUrl(io);
  const answers: { cache: string | null; id: string | null; length: number }[] = [];
  for (const input of inputs) {
    const response = await fetch(`${url}/v1/responses`, {
      method: "POST",
      headers: { authorization: "Bearer YOUR_API_KEY", "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-5.4-nano", input }),
    });
    expect(response.status).toBe(200);
    answers.push({ cache: response.headers.get("x-phaseo-response-cache"), id: response.headers.get("x-generation-id"), length: (await response.text()).length });
  }
  stop();
  expect(await exited).toBe(0);
  const refusals = io
    .written()
    .split("\n")
    .filter((line) => line.includes("cache did not store"));
  const banner = io
    .written()
    .split("\n")
    .find((line) => line.startsWith("  cache "));
  return { answers, refusals, stderr: io.err(), banner };
}

describe("serve with settings.cache.maxBytes", () => {
  it("evicts the least recently used answer when the next one does not fit beside it", async () => {
    const { answers, refusals, stderr } = await serveAndAsk(2500, ["Question A", "Question A", "Question B", "Question A"]);
    // The premise: one answer fits in 2,500 bytes, two do not.
    expect(Math.max(...answers.map((a) => a.length))).toBeLessThan(2500);
    expect((answers[0]?.length ?? 0) + (answers[2]?.length ?? 0)).toBeGreaterThan(2500);
    expect(answers.map((a) => a.cache)).toEqual(["miss", "hit", "miss", "miss"]);
    expect(refusals).toEqual([]);
    expect(stderr).toBe("");
  }, 30_000);

  it("refuses an answer larger than the whole budget: a miss each time, and one line a refusal saying what and why", async () => {
    const { answers, refusals, banner } = await serveAndAsk(1000, ["Question A", "Question A", "Question B"]);
    // The banner stated the budget the refusals are judged against.
    expect(banner).toContain("at most 1,000 answers and 1,000 bytes (settings cache.maxEntries, cache.maxBytes");
    expect(answers.map((a) => a.cache)).toEqual(["miss", "miss", "miss"]);
    expect(refusals).toHaveLength(3);
    refusals.forEach((line, i) => {
      const match = REFUSED.exec(line);
      expect(match, line).not.toBeNull();
      expect(match?.[1]).toBe(answers[i]?.id);
      // The store counts the body's JSON text, the client received that text (fractions counted at their longest).
      expect(Number(match?.[2]?.replaceAll(",", ""))).toBeGreaterThanOrEqual(answers[i]?.length ?? Number.POSITIVE_INFINITY);
      expect(match?.[3]).toBe("1,000");
    });
  }, 30_000);
});
