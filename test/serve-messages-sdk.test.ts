// `gateway-sim serve` on the cross-format incident scenario answers @anthropic-ai/sdk on
// POST /v1/messages: Gemma served by the Gemini API fake, over real HTTP, through the whole pipeline.
import { spawn } from "node:child_process";
import { join } from "node:path";
import Anthropic from "@anthropic-ai/sdk";
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

describe("gateway-sim serve → @anthropic-ai/sdk on /v1/messages", () => {
  it("answers a message and a streamed message from the scenario's providers", async () => {
    const child = spawn(process.execPath, [bin, "serve", "scenarios/incidents/gemma-gemini-outage-cross-format.yaml", "--port", "0", "--speed", "30"], {
      env: { ...process.env, NO_COLOR: "1" },
    });
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on("exit", (code) => resolve(code)));
    try {
      const [, url] = await waitFor(() => stdout, /gateway {2}(http:\/\/127\.0\.0\.1:\d+)\/v1\/responses/, 20_000);
      expect(stdout).toContain(`also     ${url}/v1/chat/completions and ${url}/v1/messages`);
      const client = new Anthropic({ apiKey: "YOUR_API_KEY", baseURL: url, maxRetries: 0 });
      const params = { model: "google/gemma-3-27b-it", max_tokens: 4000, messages: [{ role: "user" as const, content: "Where is my order?" }] };
      const message = await client.messages.create(params);
      expect(message).toMatchObject({ type: "message", role: "assistant", stop_reason: "end_turn" });
      expect(message.usage.output_tokens).toBeGreaterThan(0);
      expect(message.content[0]?.type === "text" && message.content[0].text.length).toBeGreaterThan(0);
      const streamed = await client.messages.stream(params).finalMessage();
      expect(streamed.stop_reason).toBe("end_turn");
      expect(streamed.usage.output_tokens).toBeGreaterThan(0);
      child.kill("SIGINT");
      expect(await exited).toBe(0);
    } finally {
      child.kill("SIGKILL");
    }
  }, 30_000);
});
