import { describe, expect, it } from "vitest";
import { gatewaySettingsSchema, type GatewaySettingsInput } from "../settings.js";
import type { GatewayEnv } from "./gateway-env.js";
import { attemptTimeoutMs } from "./upstream-request.js";

const env = (settings: GatewaySettingsInput) => ({ settings: gatewaySettingsSchema.parse(settings) }) as GatewayEnv;

describe("attemptTimeoutMs", () => {
  it("reference: no gateway timeout, only the simulation's hang bound", () => {
    expect(attemptTimeoutMs(env({}))).toBe(600_000);
    expect(attemptTimeoutMs(env({ execution: { hangBoundMs: 120_000 } }))).toBe(120_000);
  });

  it("documented: 60 s per attempt; an explicit setting wins under either fidelity", () => {
    expect(attemptTimeoutMs(env({ fidelity: "documented" }))).toBe(60_000);
    expect(attemptTimeoutMs(env({ execution: { attemptTimeoutMs: 5_000 } }))).toBe(5_000);
  });

  it("names the setting that replaced a removed one", () => {
    const parsed = gatewaySettingsSchema.safeParse({ routing: { strategy: "thompson" } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ["routing", "strategy"],
      message: expect.stringContaining("routing.balanced: thompson_sort (reference) | reliability_shuffle (documented)"),
    });
  });
});
