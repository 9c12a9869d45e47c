// The JSON Schema that ships for editors: up to date with the zod schema, accepts every example
// scenario, and rejects what the zod schema rejects structurally (unknown fields, wrong types).
import { readFileSync } from "node:fs";
import { Ajv } from "ajv";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { findScenarioFiles } from "../src/scenarios/load/find-scenario-files.js";
import { renderScenarioJsonSchema } from "../src/scenarios/json-schema.js";

const committed = readFileSync("schema/scenario.schema.json", "utf8");

function validator() {
  const ajv = new Ajv({ allErrors: true, strict: false });
  return ajv.compile(JSON.parse(committed) as object);
}

describe("scenario JSON Schema", () => {
  it("schema/scenario.schema.json is generated from the current zod schema (run `gateway-sim schema --output schema/scenario.schema.json`)", () => {
    expect(committed).toBe(renderScenarioJsonSchema());
  });

  it("accepts every example scenario", () => {
    const validate = validator();
    const { files } = findScenarioFiles(["scenarios", "test/fixtures/scenarios"], process.cwd());
    expect(files.length).toBeGreaterThan(5);
    for (const file of files) {
      const ok = validate(parse(readFileSync(file, "utf8")));
      expect(validate.errors ?? [], file).toEqual([]);
      expect(ok).toBe(true);
    }
  });

  it("rejects unknown fields and wrong types, as the loader does", () => {
    const validate = validator();
    const base = { seed: 1, catalog: "default", providers: [{ id: "openai" }] };
    expect(validate(base)).toBe(true);
    expect(validate({ ...base, colour: "blue" })).toBe(false);
    expect(validate({ ...base, providers: [{ id: "openai", latncy: "1s" }] })).toBe(false);
    expect(validate({ ...base, traffic: { requests: [{ at: "soon", body: {} }] } })).toBe(false);
    expect(validate({ ...base, expectations: [{ name: "x", client_error_rate: { max: 2 } }] })).toBe(false);
  });
});
