import { describe, expect, it } from "vitest";
import type { ResolvedPlugin } from "./layer-plugins.js";
import { runResponsePlugins } from "./run-response-plugins.js";

const healing = (overrides: Partial<ResolvedPlugin> = {}): ResolvedPlugin => ({ id: "response-healing", enabled: true, mode: "safe", locked: false, source: "request", ...overrides });
const input = { text: "```json\n{a: 1,}\n```", finishReason: "stop" as const, responseFormat: { type: "json_object" as const }, streaming: false, schemaCheck: "full" as const };

describe("runResponsePlugins", () => {
  it("records a stream as the registry does: skipped, {attempted: false, reason: streaming_unsupported}, no mode", () => {
    expect(runResponsePlugins({ ...input, plugins: [healing()], streaming: true })).toEqual({
      text: input.text,
      executions: [{ id: "response-healing", stage: "response.post_provider", changed: false, status: "skipped", metadata: { attempted: false, reason: "streaming_unsupported" } }],
    });
  });

  it("leaves no record for a disabled plugin", () => {
    expect(runResponsePlugins({ ...input, plugins: [healing({ enabled: false })] })).toEqual({ text: input.text, executions: [] });
  });

  it("heals through the plugin and passes the rewritten text on", () => {
    const out = runResponsePlugins({ ...input, plugins: [healing()] });
    expect(out.text).toBe('{"a":1}');
    expect(out.executions[0]).toMatchObject({ status: "applied", metadata: { healed: true } });
  });

  it("records an exception as the only failed status: {attempted, mode, reason: plugin_error, error}", () => {
    // A schema whose pattern getter throws stands in for any bug inside the plugin.
    const schema = { type: "object" } as Record<string, unknown>;
    Object.defineProperty(schema, "required", {
      get: () => {
        throw new Error("boom");
      },
      enumerable: true,
    });
    const out = runResponsePlugins({ ...input, text: "{}", plugins: [healing()], responseFormat: { type: "json_schema", name: "x", schema } });
    expect(out.executions).toEqual([
      { id: "response-healing", stage: "response.post_provider", changed: false, status: "failed", metadata: { attempted: true, mode: "safe", reason: "plugin_error", error: "boom" } },
    ]);
    expect(out.text).toBe("{}");
  });
});
