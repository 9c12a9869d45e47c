// `gateway-sim heal`, spawned as users run it (node bin/gateway-sim.js → dist/cli/main.js):
// heal a saved response from a file or stdin against a schema; exit 0 healed or valid, 1 failed,
// 2 on unusable input, always without a stack trace.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const bin = join(process.cwd(), "bin", "gateway-sim.js");
const fixtures = "test/fixtures/heal";
const schema = `${fixtures}/release-summary.schema.json`;
const responseFormat = `${fixtures}/release-summary.response_format.json`;

/** The printed record, parsed with the fields these tests read. */
const printedSchema = z.object({
  execution: z.object({
    id: z.literal("response-healing"),
    status: z.enum(["applied", "skipped", "failed"]),
    changed: z.boolean(),
    metadata: z.looseObject({
      mode: z.string(),
      healed: z.boolean(),
      transforms_applied: z.array(z.string()),
      failure_reason: z.string().optional(),
      validation_errors: z.array(z.string()).optional(),
    }),
  }),
  text: z.string(),
  value: z.unknown().optional(),
});

function heal(args: string[], input?: string): { code: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [bin, "heal", ...args], { encoding: "utf8", input: input ?? "", env: { ...process.env, NO_COLOR: "1" } });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const printed = (stdout: string) => printedSchema.parse(JSON.parse(stdout));

describe("gateway-sim heal", () => {
  it("heals a file against a bare JSON Schema: exit 0, the record and the healed text", () => {
    const run = heal([`${fixtures}/fenced-trailing-comma.txt`, "--schema", schema]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    const out = printed(run.stdout);
    expect(out.execution).toMatchObject({ status: "applied", changed: true, metadata: { mode: "safe", healed: true, transforms_applied: ["strip_markdown_fence", "remove_trailing_commas"] } });
    expect(out.text).toBe('{"summary":"3 deploys, 1 rollback","risk_level":"medium"}');
    expect(out.value).toEqual({ summary: "3 deploys, 1 rollback", risk_level: "medium" });
  });

  it("reads stdin (no file, or -) and accepts a whole response_format object", () => {
    // Already valid and compact: skipped without a change, and no failure_reason (exit 0).
    const fromStdin = heal(["--schema", responseFormat], '{"summary":"ok","risk_level":"low"}');
    expect(fromStdin.code).toBe(0);
    expect(printed(fromStdin.stdout)).toMatchObject({ text: '{"summary":"ok","risk_level":"low"}', execution: { status: "skipped", changed: false, metadata: { transforms_applied: [] } } });
    const dash = heal(["-", "--schema", responseFormat], '```\n{"summary": "ok", "risk_level": "low"}\n```');
    expect(printed(dash.stdout).execution.metadata.transforms_applied).toEqual(["strip_markdown_fence"]);
  });

  it("exit 1 on an out-of-enum value in safe mode; extended heals a unique case match only", () => {
    const safe = heal(["--schema", schema], '{"summary": "ok", "risk_level": "High"}');
    expect(safe.code).toBe(1);
    expect(printed(safe.stdout).execution.metadata).toMatchObject({ failure_reason: "schema_mismatch", validation_errors: ["$.risk_level must match one of the configured enum values"] });

    const extended = heal(["--schema", schema, "--mode", "extended"], '{"summary": "ok", "risk_level": "High"}');
    expect(extended.code).toBe(0);
    expect(printed(extended.stdout)).toMatchObject({ text: '{"summary":"ok","risk_level":"high"}', execution: { metadata: { transforms_applied: ["coerce_enum_case"] } } });

    const unknown = heal(["--schema", schema, "--mode", "extended"], '{"summary": "ok", "risk_level": "severe"}');
    expect(unknown.code).toBe(1);
    expect(printed(unknown.stdout).execution.metadata.failure_reason).toBe("schema_mismatch");
  });

  it("--finish-reason length reproduces the truncation rule: failed as truncated, text unchanged", () => {
    const cut = '{"summary": "3 deploys, then a long explanation of';
    const run = heal(["--schema", schema, "--finish-reason", "length"], cut);
    expect(run.code).toBe(1);
    const out = printed(run.stdout);
    expect(out.execution).toMatchObject({ status: "skipped", metadata: { failure_reason: "truncated", healed: false } });
    expect(out.text).toBe(cut);
    // The same text with finish reason stop is only missing its closers, which safe mode appends.
    expect(heal(["--schema", schema, "--finish-reason", "stop"], '{"summary": "x", "risk_level": "low"').code).toBe(0);
  });

  it("without --schema heals syntax only (json_object); strict mode leaves trailing commas alone", () => {
    expect(printed(heal([], "{a: 1,}").stdout).value).toEqual({ a: 1 });
    const strict = heal(["--mode", "strict"], '{"a": 1,}');
    expect(strict.code).toBe(1);
    expect(printed(strict.stdout).execution).toMatchObject({ status: "skipped", metadata: { failure_reason: "unrepairable" } });
  });

  it("exit 2 on bad input, located and without a stack trace", () => {
    const badJson = heal([`${fixtures}/fenced-trailing-comma.txt`, "--schema", `${fixtures}/trailing-comma.schema.json`]);
    expect(badJson).toMatchObject({ code: 2, stdout: "" });
    expect(badJson.stderr).toBe(`gateway-sim: ${fixtures}/trailing-comma.schema.json:4:1 invalid JSON: Expected double-quoted property name (E_INVALID_INPUT)\n`);

    const notSchema = heal(["--schema", `${fixtures}/not-a-schema.json`], "{}");
    expect(notSchema.code).toBe(2);
    expect(notSchema.stderr).toMatch(new RegExp(`^gateway-sim: ${fixtures}/not-a-schema.json: invalid schema: .*\\(E_INVALID_INPUT\\)\\n$`));

    expect(heal(["no/such/response.txt"])).toMatchObject({ code: 2, stderr: "gateway-sim: no such file: no/such/response.txt (E_NOT_FOUND)\n" });
    expect(heal(["--schema", "no/such/schema.json"], "{}")).toMatchObject({ code: 2, stderr: "gateway-sim: no such file: no/such/schema.json (E_NOT_FOUND)\n" });
    expect(heal([fixtures])).toMatchObject({ code: 2, stderr: `gateway-sim: ${fixtures} is a folder, not a file (E_INVALID_INPUT)\n` });

    const badMode = heal(["--mode", "lenient"], "{}");
    expect(badMode.code).toBe(2);
    expect(badMode.stderr).toContain("Allowed choices are safe, strict, extended");
    for (const run of [badJson, notSchema, badMode]) expect(run.stdout + run.stderr).not.toMatch(/\n\s+at /);
  });
});
