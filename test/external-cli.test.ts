// The outside-gateway commands as users run them: `fakes -- <command>` hands the child the fakes'
// URLs and exits with its status; `gateway-config` writes what the committed Portkey configs hold;
// `validate --gateway` lists what an outside gateway cannot be judged on.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { CliError } from "../src/cli/cli-error.js";
import { gatewayConfigCommand } from "../src/cli/commands/gateway-config.js";
import { type LiteLlmConfig, liteLlmConfigSchema } from "../src/external/config/litellm-schema.js";

const bin = join(process.cwd(), "bin", "gateway-sim.js");

function cli(args: string[], cwd = process.cwd()): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const scenario = join(process.cwd(), "test/fixtures/external/fallback-503.yaml");

describe("gateway-sim fakes", () => {
  it("runs the command with GATEWAY_SIM_<PROVIDER>_URL set, attributes its call by marker, and exits with its status", () => {
    const dir = mkdtempSync(join(tmpdir(), "gateway-sim-fakes-"));
    // The child calls the OpenAI EU fake with a marker, reads the journal back, and exits 7.
    const child = `
      const url = process.env.GATEWAY_SIM_OPENAI_EU_URL;
      const body = { model: "gpt-5.4-nano", messages: [{ role: "user", content: "Hello [gsim:c1]" }] };
      const res = await fetch(url + "/chat/completions", { method: "POST", headers: { "content-type": "application/json", authorization: "Bearer k" }, body: JSON.stringify(body) });
      const page = await (await fetch(process.env.GATEWAY_SIM_CONTROL_URL + "/journal?after=0")).json();
      console.log("child", res.status, page.data.map((d) => d.entry.provider + ":" + d.entry.correlation + ":" + d.entry.request.inputTokens).join(","));
      process.exit(7);`;
    const run = cli(["fakes", scenario, "--port", "0", "--speed", "50", "--urls-file", "urls.json", "--", process.execPath, "--input-type=module", "-e", child], dir);
    expect(run.code).toBe(7);
    // "Hello" is 2 tokens at ~4 characters per token: the marker was stripped before counting.
    expect(run.stdout).toContain("child 200 openai-eu:c1:2");
    const urls = JSON.parse(readFileSync(join(dir, "urls.json"), "utf8")) as { providers: Record<string, string>; env: Record<string, string> };
    expect(urls.providers["openai-eu"]).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/openai-eu\/v1$/);
    expect(urls.env.GATEWAY_SIM_OPENAI_EU_URL).toBe(urls.providers["openai-eu"]);
  });
});

/** gateway-config in-process (spawning costs seconds a call on a busy machine); the CLI path is shared. */
async function gatewayConfig(args: { file: string; target: "portkey" | "litellm"; speed?: number; request?: string }): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const io = { stdout: { write: (t: string) => (stdout += t) }, stderr: { write: (t: string) => (stderr += t) }, cwd: process.cwd(), env: {} };
  try {
    const code = await gatewayConfigCommand(args.file, { target: args.target, speed: args.speed ?? 1, request: args.request }, io);
    return { code, stdout, stderr };
  } catch (error) {
    if (error instanceof CliError) return { code: error.exitCode, stdout, stderr: error.message };
    throw error;
  }
}

describe("gateway-sim gateway-config", () => {
  it.each(["fallback-503", "loadbalance-70-30", "latency-spike"])("writes the committed Portkey config of %s", async (name) => {
    const run = await gatewayConfig({ file: `test/fixtures/external/${name}.yaml`, target: "portkey", speed: 10 });
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(readFileSync(`test/fixtures/portkey-configs/${name}.json`, "utf8"));
  });

  it("warns that Portkey cannot follow sort: latency", async () => {
    const run = await gatewayConfig({ file: "test/fixtures/external/latency-spike.yaml", target: "portkey" });
    expect(run.stderr).toContain("Portkey has no health-aware routing");
  });

  it("writes a LiteLLM config.yaml that holds to LiteLLM's documented keys", async () => {
    for (const name of ["fallback-503", "loadbalance-70-30", "latency-spike"]) {
      const run = await gatewayConfig({ file: `test/fixtures/external/${name}.yaml`, target: "litellm" });
      expect(run.code).toBe(0);
      const parsed = liteLlmConfigSchema.safeParse(parse(run.stdout));
      expect(parsed.success, `${name}: ${JSON.stringify(parsed.error?.issues)}`).toBe(true);
    }
  });

  it("expresses order as LiteLLM fallbacks, the shuffle as weights, sort latency as latency-based routing", async () => {
    const order = parse((await gatewayConfig({ file: "test/fixtures/external/fallback-503.yaml", target: "litellm" })).stdout) as LiteLlmConfig;
    expect(order.litellm_settings.fallbacks).toEqual([{ "openai/gpt-5.4-nano": ["openai/gpt-5.4-nano@openai-eu"] }]);
    const shuffle = parse((await gatewayConfig({ file: "test/fixtures/external/loadbalance-70-30.yaml", target: "litellm" })).stdout) as LiteLlmConfig;
    expect(shuffle.model_list.map((m) => m.litellm_params.weight)).toEqual([0.7, 0.3]);
    expect(shuffle.model_list[0]?.litellm_params.api_base).toBe("os.environ/GATEWAY_SIM_OPENAI_URL");
    const latency = parse((await gatewayConfig({ file: "test/fixtures/external/latency-spike.yaml", target: "litellm" })).stdout) as LiteLlmConfig;
    expect(latency.router_settings.routing_strategy).toBe("latency-based-routing");
  });

  it("exits 2 naming the problem when no request has that name", async () => {
    const run = await gatewayConfig({ file: "test/fixtures/external/fallback-503.yaml", target: "portkey", request: "nope" });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no request or load is named "nope"');
  });
});

describe("gateway-sim validate --gateway", () => {
  it("lists each unjudgeable check at file:line:column", () => {
    const run = cli(["validate", "--gateway", "test/fixtures/outside-insides.yaml"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("test/fixtures/outside-insides.yaml:26:14 expectations[0].breaker: not judgeable through an outside gateway");
    expect(run.stdout).toContain("expectations[1].ranked_order: not judgeable");
    expect(run.stdout).toContain("2 checks not judgeable through an outside gateway");
  });
});
