// `gateway-sim serve` and its signals: the banner states the grace period; the first signal drains,
// a second one stops at once (exit 1, saying what was dropped) instead of waiting out the grace period.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serveCommand } from "../src/cli/commands/serve.js";
import { captureIo } from "./support/capture-io.js";
import { bannerUrl } from "./support/serve-banner.js";

const SLOW = `
name: slow
seed: 1
catalog: default
providers:
  - { id: openai, latency: 20s }
traffic: { requests: [] }
expectations: []
`;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

function trigger(): { fire: () => void; wait: () => Promise<void> } {
  let fire: () => void = () => undefined;
  const fired = new Promise<void>((resolve) => (fire = resolve));
  return { fire, wait: () => fired };
}

describe("serve signals", () => {
  it("states the grace period in the banner, and a second signal stops at once", async () => {
    dir = mkdtempSync(join(tmpdir(), "serve-signals-"));
    const file = join(dir, "slow.yaml");
    writeFileSync(file, SLOW);
    const io = captureIo();
    const first = trigger();
    const second = trigger();
    const exited = serveCommand(file, { port: 0, speed: 1, grace: 30_000, exportUsage: join(dir, "usage.jsonl") }, io, first.wait, second.wait);
    const url = await bannerUrl(io);
    expect(io.out()).toContain("  grace    30s: on Ctrl-C or SIGTERM, requests in flight get 30s to finish; a second signal stops at once");
    // A request that would take 20 s: the drain would wait for it.
    const pending = fetch(`${url}/v1/responses`, {
      method: "POST",
      headers: { authorization: "Bearer YOUR_API_KEY", "content-type": "application/json" },
      body: JSON.stringify({ model: "openai/gpt-5.4-nano", input: "Slowly." }),
    }).catch((error: unknown) => error);
    await new Promise((r) => setTimeout(r, 200));
    first.fire();
    for (let i = 0; i < 200 && !io.out().includes("stopping…"); i++) await new Promise((r) => setTimeout(r, 10));
    expect(io.out()).toContain("stopping… (1 request in flight; a second signal stops at once)");
    second.fire();
    // Exit 1 is the at-once path: a drain that waited (up to 30 s) would end with exit 0.
    expect(await exited).toBe(1);
    expect(io.out()).toContain("gateway-sim: stopped at once; requests in flight were dropped and their records are missing from the export");
    expect(await pending).toBeInstanceOf(Error);
  }, 30_000);

  it("the default grace period is 10s", async () => {
    dir = mkdtempSync(join(tmpdir(), "serve-signals-"));
    const file = join(dir, "slow.yaml");
    writeFileSync(file, SLOW);
    const io = captureIo();
    const first = trigger();
    const exited = serveCommand(file, { port: 0, speed: 1 }, io, first.wait, () => new Promise(() => undefined));
    await bannerUrl(io);
    first.fire();
    expect(await exited).toBe(0);
    expect(io.out()).toContain("  grace    10s: on Ctrl-C or SIGTERM");
  }, 30_000);
});
