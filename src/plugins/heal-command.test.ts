import { describe, expect, it } from "vitest";
import { runHealCommand } from "./heal-command.js";

const schema = { type: "object", required: ["risk_level"], properties: { risk_level: { enum: ["low", "high"] } } };

describe("runHealCommand", () => {
  it("heals against a bare JSON Schema and prints the record", () => {
    const result = runHealCommand({ text: '```json\n{"risk_level": "low",}\n```', schema });
    expect(result.exitCode).toBe(0);
    if (result.exitCode === 2) return;
    expect(result.record.text).toBe('{"risk_level":"low"}');
    expect(result.record.execution.metadata.transforms_applied).toEqual(["strip_markdown_fence", "remove_trailing_commas"]);
    expect(JSON.parse(result.output)).toEqual(result.record);
  });

  it("accepts a whole response_format object instead", () => {
    const result = runHealCommand({ text: '{"risk_level": "LOW"}', schema: { type: "json_schema", json_schema: { name: "s", schema } }, mode: "extended" });
    expect(result).toMatchObject({ exitCode: 0, record: { text: '{"risk_level":"low"}' } });
  });

  it("heals as json_object without a schema, and reproduces the truncation rule", () => {
    expect(runHealCommand({ text: "{a: 1}" })).toMatchObject({ exitCode: 0, record: { value: { a: 1 } } });
    const truncated = runHealCommand({ text: '{"a": 1', finishReason: "length" });
    expect(truncated).toMatchObject({ exitCode: 1, record: { execution: { status: "skipped", metadata: { failure_reason: "truncated" } } } });
  });

  it("exits 1 on a schema mismatch and 2 on unusable input", () => {
    expect(runHealCommand({ text: '{"risk_level": "severe"}', schema }).exitCode).toBe(1);
    expect(runHealCommand({ text: "{}", mode: "lenient" })).toEqual({ exitCode: 2, output: 'gateway-sim heal: --mode must be one of safe, strict, extended (got "lenient")\n' });
    expect(runHealCommand({ text: "{}", finishReason: "done" }).exitCode).toBe(2);
    expect(runHealCommand({ text: "{}", schema: [1] }).exitCode).toBe(2);
    expect(runHealCommand({ text: "{}", schema: { type: "nope" } })).toMatchObject({ exitCode: 2, output: expect.stringMatching(/^gateway-sim heal: invalid schema: schema: is not a valid/) });
  });
});
