// `replay --check`: the replay runs the scenario it wrote and fails (exit 1, not 2: the input was
// valid) when it reproduces fewer logged requests than the threshold, naming the first diverging
// request and its cause. The fixture is a real export with one request edited to contradict itself.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { CliIo } from "../src/cli/io.js";
import { runCli } from "../src/cli/program.js";
import { captureIo } from "./support/capture-io.js";

const FIXTURE = "test/fixtures/replay-check/cache-scenario-contradicted.jsonl";
const dir = mkdtempSync(join(tmpdir(), "replay-check-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DIVERGENCE = [
  "self-check: the replay reproduces 11 of 12 (91.6 %) logged requests (same provider and attempts); same provider 11 of 12 (91.6 %)",
  "first divergence: request 3, G-220ae332baad91d3170daa11, seq 2, logged at 2026-01-01T00:02:00.000Z (+2m)",
  "  logged:   selected openai-eu; attempts openai-eu success",
  "  replayed: selected openai; attempts openai success",
  "  cause: the log contradicts itself: it attempted openai-eu before openai, which its routing ranked ahead (openai (closed) > openai-eu (closed)) with its breaker closed",
];

/** stdout and stderr kept apart. */
function splitIo(): CliIo & { out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return { stdout: { write: (s: string) => ((out += s), true) }, stderr: { write: (s: string) => ((err += s), true) }, cwd: process.cwd(), env: { NO_COLOR: "1" }, out: () => out, err: () => err };
}

describe("replay --check on a log that contradicts itself", () => {
  it("exits 1 and names the first diverging request, its two paths and the cause", async () => {
    const io = captureIo();
    expect(await runCli(["replay", FIXTURE, "-o", join(dir, "contradicted.yaml"), "--seed", "600", "--check"], io)).toBe(1);
    for (const line of DIVERGENCE) expect(io.out()).toContain(`${line}\n`);
    expect(io.out()).toContain("gateway-sim: check failed: 91.6 % of the logged requests reproduced, below the 99 % threshold\n");
  }, 60_000);

  it("runs the same self-check when the scenario goes to stdout: the YAML there, the report on stderr", async () => {
    const io = splitIo();
    expect(await runCli(["replay", FIXTURE, "--seed", "600", "--check", "99%"], io)).toBe(1);
    // To stdout the `$schema` line is relative to the working directory, where the user redirects it.
    expect(io.out()).toMatch(/^# yaml-language-server: \$schema=schema\/scenario\.schema\.json\n# Replayed from /);
    expect(io.out()).not.toContain("self-check");
    for (const line of DIVERGENCE) expect(io.err()).toContain(`${line}\n`);
  }, 60_000);

  it("passes a threshold the replay meets (0.9), and without --check only reports", async () => {
    const lenient = captureIo();
    expect(await runCli(["replay", FIXTURE, "-o", join(dir, "lenient.yaml"), "--seed", "600", "--check", "0.9"], lenient)).toBe(0);
    expect(lenient.out()).toContain("check passed: 91.6 % reproduced, threshold 90 %\n");
    const plain = captureIo();
    expect(await runCli(["replay", FIXTURE, "-o", join(dir, "plain.yaml"), "--seed", "600"], plain)).toBe(0);
    expect(plain.out()).toContain(`${DIVERGENCE[1]}\n`);
    expect(plain.out()).not.toContain("check ");
    // Deterministic: the same log and options give the same report, byte for byte.
    const again = captureIo();
    expect(await runCli(["replay", FIXTURE, "-o", join(dir, "plain.yaml"), "--seed", "600"], again)).toBe(0);
    expect(again.out()).toBe(plain.out());
  }, 60_000);

  it("skips the run with --no-self-check, and refuses --check without it or a threshold out of range (exit 2)", async () => {
    const skipped = captureIo();
    expect(await runCli(["replay", FIXTURE, "-o", join(dir, "skipped.yaml"), "--no-self-check"], skipped)).toBe(0);
    expect(skipped.out()).not.toContain("self-check");
    const both = captureIo();
    expect(await runCli(["replay", FIXTURE, "-o", join(dir, "both.yaml"), "--no-self-check", "--check"], both)).toBe(2);
    expect(both.out()).toContain("--check needs the self-check: drop --no-self-check");
    const over = captureIo();
    expect(await runCli(["replay", FIXTURE, "-o", join(dir, "over.yaml"), "--check", "150%"], over)).toBe(2);
    expect(over.out()).toContain('expected a share between 0 and 1, or a percentage such as "10%"');
  }, 60_000);
});
