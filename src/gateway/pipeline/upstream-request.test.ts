import { describe, expect, it } from "vitest";
import { parseResponsesRequest, parseResponsesRequestBySchema } from "../request/parse-responses-request.js";
import { toUpstreamMessages } from "../request/upstream-messages.js";
import { makeOffer } from "../routing/route-fixtures.js";
import { gatewaySettingsSchema, type GatewaySettingsInput } from "../settings.js";
import type { GatewayEnv } from "./gateway-env.js";
import type { Prepared } from "./prepare-stage.js";
import { attemptTimeoutMs, upstreamRequestFor } from "./upstream-request.js";

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

describe("upstreamRequestFor", () => {
  it("carries the parsed input as exactly the messages toUpstreamMessages makes, by either parse path", () => {
    const inputs: unknown[] = [
      "Hi",
      [{ role: "user", content: "a" }],
      [
        { role: "developer", content: [{ type: "input_text", text: "x" }] },
        { type: "message", role: "assistant", content: [{ type: "output_text", text: "y", annotations: [] }], id: "m1", status: "completed" },
        { role: "user", content: "z" },
      ],
    ];
    let compared = 0;
    for (const input of inputs) {
      for (const parse of [parseResponsesRequest, parseResponsesRequestBySchema]) {
        const parsed = parse({ model: "openai/gpt-5.4-nano", input, instructions: "Be brief." });
        if (!parsed.ok) throw new Error("expected a valid body");
        const upstream = upstreamRequestFor({ request: parsed.request } as Prepared, makeOffer("openai"));
        expect({ instructions: upstream.instructions, messages: upstream.messages }).toStrictEqual(toUpstreamMessages(parsed.request));
        compared++;
      }
    }
    expect(compared).toBe(6);
  });
});
