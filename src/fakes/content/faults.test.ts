import { Ajv2020 } from "ajv/dist/2020.js";
import { jsonrepair } from "jsonrepair";
import { describe, expect, it } from "vitest";
import type { JsonSchema } from "./json-schema.js";
import { applySchemaFault, SCHEMA_FAULT_TYPES } from "./schema-faults.js";
import { generateFromSchema } from "./schema-value.js";
import { testSource } from "./test-source.js";
import { applyTextFault, TEXT_FAULT_TYPES } from "./text-faults.js";

const schema: JsonSchema = {
  type: "object",
  properties: {
    status: { type: "string", enum: ["open", "closed"] },
    count: { type: "integer" },
    owner: { type: "object", properties: { name: { type: "string" } }, required: ["name"], additionalProperties: false },
  },
  required: ["status", "count", "owner"],
  additionalProperties: false,
};
const validate = new Ajv2020({ strict: false }).compile(schema);

describe("text faults", () => {
  const json = JSON.stringify({ a: 1, b: [true, "x"], c: { d: null } });
  for (const type of TEXT_FAULT_TYPES) {
    it(`${type} makes the text invalid JSON that a repairer can still recover`, () => {
      const broken = applyTextFault(type, json);
      expect(() => JSON.parse(broken)).toThrow();
      if (type !== "prose_around") expect(JSON.parse(jsonrepair(broken))).toEqual(JSON.parse(json));
    });
  }

  it("produces the shapes models really produce", () => {
    expect(applyTextFault("markdown_fence", "{}")).toBe("```json\n{}\n```");
    expect(applyTextFault("trailing_comma", '{"a":[1]}')).toBe('{"a":[1],}');
    expect(applyTextFault("unquoted_keys", '{"a":{"b_c":1}}')).toBe("{a:{b_c:1}}");
    expect(applyTextFault("missing_closers", '{"a":{"b":[1]}}')).toBe('{"a":{"b":[1');
  });
});

describe("schema faults", () => {
  for (const type of SCHEMA_FAULT_TYPES) {
    it(`${type} turns a valid value into one the schema rejects, leaving the original intact`, () => {
      const source = testSource(type);
      const generated = generateFromSchema(schema, source);
      const before = JSON.stringify(generated.value);
      expect(validate(generated.value)).toBe(true);
      const result = applySchemaFault(type, generated.value, generated.nodes, source.random);
      expect(result.applied).toBe(true);
      expect(validate(result.value)).toBe(false);
      expect(JSON.stringify(generated.value)).toBe(before);
    });
  }

  it("enum_case sends an allowed value in a case the enum does not allow", () => {
    const schema: JsonSchema = { type: "object", required: ["risk"], properties: { risk: { type: "string", enum: ["low", "medium", "high"] } } };
    const source = testSource();
    const generated = generateFromSchema(schema, source);
    const result = applySchemaFault("enum_case", generated.value, generated.nodes, source.random);
    if (!result.applied) throw new Error(result.detail);
    const risk = (result.value as { risk: string }).risk;
    expect(["low", "medium", "high"]).not.toContain(risk);
    expect(["low", "medium", "high"]).toContain(risk.toLowerCase());
  });

  it("reports a fault it cannot apply instead of faking it", () => {
    const plain: JsonSchema = { type: "object", properties: { n: { type: "integer" } } };
    const source = testSource();
    const generated = generateFromSchema(plain, source);
    const result = applySchemaFault("wrong_enum", generated.value, generated.nodes, source.random);
    expect(result).toMatchObject({ applied: false, detail: "no enum in the schema" });
  });
});
