// `gateway-sim serve` as users run it: the spawned CLI prints the gateway URL and key, answers
// requests, and on SIGINT (Ctrl-C) closes its servers and exits 0.
import { spawn } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const bin = join(process.cwd(), "bin", "gateway-sim.js");

function waitFor(read: () => string, pattern: RegExp, ms: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const poll = (): void => {
      const match = read().match(pattern);
      if (match) return resolve(match);
      if (Date.now() - started > ms) return reject(new Error(`no ${pattern} in output:\n${read()}`));
      setTimeout(poll, 20);
    };
    poll();
  });
}

describe("gateway-sim serve (spawned)", () => {
  it("serves until SIGINT, then stops cleanly with exit code 0", async () => {
    const child = spawn(process.execPath, [bin, "serve", "scenarios/incidents/openai-503-burst.yaml", "--port", "0", "--speed", "30"], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const [, url] = await waitFor(() => stdout, /gateway {2}(http:\/\/127\.0\.0\.1:\d+)\/v1\/responses/, 20_000);
      await waitFor(() => stdout, /Ctrl-C stops\./, 5_000);
      expect(stdout).toContain("api key  YOUR_API_KEY");
      const res = await fetch(`${url}/v1/responses`, {
        method: "POST",
        headers: { authorization: "Bearer YOUR_API_KEY", "content-type": "application/json" },
        body: JSON.stringify({ model: "openai/gpt-5.4-nano", input: "Hello" }),
      });
      expect(res.status).toBe(200);
      child.kill("SIGINT");
      expect(await exited).toBe(0);
      expect(stdout).toMatch(/stopping…\nstopped\n$/);
      expect(stderr).toBe("");
      await expect(fetch(`${url}/healthz`)).rejects.toThrow();
    } finally {
      child.kill("SIGKILL");
    }
  }, 30_000);
});
