// `serve --export-usage` to a FIFO whose reader stalls: the server keeps answering, the export holds at
// most --export-buffer bytes, warns once on stderr, and at shutdown names exactly what it dropped (exit 1).
import { execFileSync, spawn } from "node:child_process";
import { once } from "node:events";
import { closeSync, constants, existsSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { serveCommand } from "../src/cli/commands/serve.js";
import { runCli } from "../src/cli/program.js";
import { captureIo } from "./support/capture-io.js";
import { bannerUrl } from "./support/serve-banner.js";

const FAST = `
name: fast
seed: 1
catalog: default
providers:
  - { id: openai, latency: 5ms }
traffic: { requests: [] }
expectations: []
`;

const REQUESTS = 60;

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

async function post(url: string, input: string): Promise<Response> {
  return fetch(`${url}/v1/responses`, {
    method: "POST",
    headers: { authorization: "Bearer YOUR_API_KEY", "content-type": "application/json" },
    body: JSON.stringify({ model: "openai/gpt-5.4-nano", input }),
  });
}

/**
 * `serve` exporting to a FIFO whose reader never reads (the pipe, 64 KiB on Linux, fills, then every
 * write of the export waits), with a 16 KiB export buffer. `stop()` sends the first signal, and the
 * second too when `bothSignals`.
 */
async function serveToStalledFifo(bothSignals: boolean) {
  const at = mkdtempSync(join(tmpdir(), "serve-export-bp-"));
  dir = at;
  const scenario = join(at, "fast.yaml");
  writeFileSync(scenario, FAST);
  const fifo = join(at, "usage.fifo");
  execFileSync("mkfifo", [fifo]);
  const stalled = openSync(fifo, constants.O_RDONLY | constants.O_NONBLOCK);
  const io = captureIo();
  let stop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (stop = resolve));
  const signals = bothSignals ? [() => stopped, () => stopped] : [() => stopped];
  const exited = serveCommand(scenario, { port: 0, speed: 1, exportUsage: fifo, exportBuffer: 16 * 1024 }, io, ...signals);
  return { dir: at, fifo, stalled, io, stop, exited, url: await bannerUrl(io) };
}

describe.skipIf(process.platform === "win32")("serve --export-usage to a stalled reader", () => {
  it("keeps serving, drops past the bound with one warning, and accounts for every record at shutdown", async () => {
    const { dir: at, fifo, stalled, io, stop, exited, url } = await serveToStalledFifo(false);

    const ids: string[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const response = await post(url, `Request ${i}: summarise the incident.`);
      expect(response.status).toBe(200);
      ids.push(response.headers.get("x-generation-id") ?? "");
      await response.arrayBuffer();
    }
    expect(io.err().match(/is 16 KiB behind/g)).toHaveLength(1);
    // The live page's data shows the drops while the run goes on, not only at shutdown.
    const livePage = await fetch(`${url}/usage/requests?after=0&limit=1`, { headers: { authorization: "Bearer YOUR_API_KEY" } });
    const live = ((await livePage.json()) as { export: { file: string; written: number; pending: number; dropped: number; failed: number; complete: boolean; summary: string } }).export;
    expect(live).toMatchObject({ file: fifo, failed: 0, complete: false });
    expect(live.dropped).toBeGreaterThan(0);
    expect(live.written + live.pending + live.dropped).toBe(REQUESTS);
    expect(live.summary).toContain(`${live.dropped} dropped (it was 16 KiB behind`);

    // The reader catches up only now, so the export can finish and serve can stop.
    const out = join(at, "read.jsonl");
    const outFd = openSync(out, "w");
    const reader = spawn("cat", [fifo], { stdio: ["ignore", outFd, "inherit"] });
    stop();
    expect(await exited).toBe(1);
    await once(reader, "exit");
    closeSync(outFd);
    closeSync(stalled);

    const exported = readFileSync(out, "utf8")
      .split("\n")
      .filter((line) => line !== "")
      .map((line) => (JSON.parse(line) as { id: string }).id);
    const summary = /usage export to .* is incomplete: (\d+) of (\d+) records written; (\d+) records? dropped while it was 16 KiB behind \(from (\S+), request at \+\S+, to (\S+) at /.exec(io.err());
    expect(summary, io.err()).not.toBeNull();
    const [written, received, dropped, first, last] = [Number(summary?.[1]), Number(summary?.[2]), Number(summary?.[3]), summary?.[4], summary?.[5]];
    expect(received).toBe(REQUESTS);
    expect(dropped).toBeGreaterThan(0);
    expect(written + dropped).toBe(REQUESTS);
    expect(exported).toHaveLength(written);
    // What was written is in the order the requests were answered, and what is missing is what was dropped.
    expect(exported).toEqual(ids.filter((id) => exported.includes(id)));
    const missing = ids.filter((id) => !exported.includes(id));
    expect(missing).toHaveLength(dropped);
    expect([missing[0], missing.at(-1)]).toEqual([first, last]);
    // No request came after the live read: it had counted every drop.
    expect(live.dropped).toBe(dropped);
    expect(io.written()).not.toContain("usage records written to");
  }, 60_000);

  it("a second signal does not wait for a reader that never reads: the export is cut off and counted", async () => {
    const { stalled, io, stop, exited, url } = await serveToStalledFifo(true);
    for (let i = 0; i < REQUESTS; i++) await (await post(url, `Request ${i}.`)).arrayBuffer();
    stop(); // both signals at once: a drain would wait for the reader forever
    expect(await exited).toBe(1);
    const summary = /is incomplete: (\d+) of 60 records written; (\d+) records? dropped .*; (\d+) records? cut off when it stopped at once/.exec(io.err());
    expect(summary, io.err()).not.toBeNull();
    expect(Number(summary?.[1]) + Number(summary?.[2]) + Number(summary?.[3])).toBe(REQUESTS);
    // The writer's end is closed without the reader having read: the reader now sees the end of the file.
    const buffer = Buffer.alloc(1 << 16);
    let read = -1;
    for (let i = 0; i < 500 && read !== 0; i++) {
      try {
        read = readSync(stalled, buffer);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== "EAGAIN") throw error;
        await new Promise((r) => setTimeout(r, 10));
      }
    }
    closeSync(stalled);
    expect(read).toBe(0);
  }, 60_000);

  it.skipIf(!existsSync("/dev/full"))(
    "a full disk is one line on stderr; the server keeps serving and the summary counts the loss",
    async () => {
      dir = mkdtempSync(join(tmpdir(), "serve-export-bp-"));
      const scenario = join(dir, "fast.yaml");
      writeFileSync(scenario, FAST);
      const io = captureIo();
      let stop: () => void = () => undefined;
      const stopped = new Promise<void>((resolve) => (stop = resolve));
      const exited = serveCommand(scenario, { port: 0, speed: 1, exportUsage: "/dev/full" }, io, () => stopped);
      const url = await bannerUrl(io);
      for (let i = 0; i < 5; i++) {
        const response = await post(url, `Request ${i}.`);
        expect(response.status).toBe(200);
        await response.arrayBuffer();
      }
      stop();
      expect(await exited).toBe(1);
      expect(io.err().trimEnd().split("\n")).toEqual([
        "gateway-sim: usage export to /dev/full failed after 0 records: ENOSPC: no space left on device, write; later records are not exported, the server keeps serving",
        "gateway-sim: usage export to /dev/full is incomplete: 0 of 5 records written; 5 records lost when the stream failed (ENOSPC: no space left on device, write)",
      ]);
    },
    60_000,
  );

  it("--export-buffer takes bytes or a size with a unit (1024-based), and refuses anything else by name", async () => {
    const refused = captureIo();
    expect(await runCli(["serve", "missing.yaml", "--export-buffer", "lots"], refused)).toBe(2);
    expect(refused.err()).toContain(`option '--export-buffer <size>' argument 'lots' is invalid. expected a size of at least 1 byte: a number of bytes, or one with a unit`);
    // A valid size gets past the option, to the (missing) scenario.
    const accepted = captureIo();
    expect(await runCli(["serve", "missing.yaml", "--export-buffer", "512KiB"], accepted)).toBe(2);
    expect(accepted.err()).toContain("file not found");
  });
});
