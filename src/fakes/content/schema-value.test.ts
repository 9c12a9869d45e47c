import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule from "ajv-formats";
import { describe, expect, it } from "vitest";
import type { JsonSchema } from "./json-schema.js";
import { generateFromSchema } from "./schema-value.js";
import { testSource } from "./test-source.js";

const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;
const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));

const SCHEMAS: Record<string, JsonSchema> = {
  flat: {
    type: "object",
    properties: { name: { type: "string" }, age: { type: "integer", minimum: 18, maximum: 99 }, score: { type: "number", exclusiveMinimum: 0, exclusiveMaximum: 1 }, ok: { type: "boolean" } },
    required: ["name", "age", "score", "ok"],
    additionalProperties: false,
  },
  enumsAndConst: {
    type: "object",
    properties: { colour: { enum: ["red", "green"] }, kind: { const: "fixed" }, maybe: { type: ["string", "null"] } },
    required: ["colour", "kind", "maybe"],
    additionalProperties: false,
  },
  formats: {
    type: "object",
    properties: {
      at: { type: "string", format: "date-time" },
      day: { type: "string", format: "date" },
      mail: { type: "string", format: "email" },
      link: { type: "string", format: "uri" },
      id: { type: "string", format: "uuid" },
      ip: { type: "string", format: "ipv4" },
    },
    required: ["at", "day", "mail", "link", "id", "ip"],
  },
  patternsAndLengths: {
    type: "object",
    properties: {
      code: { type: "string", pattern: "^[A-Z]{3}-\\d{4}$" },
      slug: { type: "string", pattern: "^(alpha|beta)_[a-z0-9]+$" },
      short: { type: "string", minLength: 5, maxLength: 8 },
    },
    required: ["code", "slug", "short"],
  },
  arrays: {
    type: "object",
    properties: {
      tags: { type: "array", items: { type: "string", enum: ["a", "b", "c", "d"] }, minItems: 2, maxItems: 3, uniqueItems: true },
      matrix: { type: "array", items: { type: "array", items: { type: "integer", multipleOf: 5 } } },
      pair: { type: "array", prefixItems: [{ type: "string" }, { type: "number" }], minItems: 2, maxItems: 2 },
    },
    required: ["tags", "matrix", "pair"],
  },
  refsAndBranches: {
    $defs: { address: { type: "object", properties: { city: { type: "string" }, zip: { type: "string", pattern: "^\\d{5}$" } }, required: ["city", "zip"], additionalProperties: false } },
    type: "object",
    properties: {
      home: { $ref: "#/$defs/address" },
      work: { anyOf: [{ $ref: "#/$defs/address" }, { type: "null" }] },
      contact: { oneOf: [{ type: "object", properties: { phone: { type: "string" } }, required: ["phone"] }, { type: "string" }] },
      merged: {
        allOf: [
          { type: "object", properties: { a: { type: "string" } }, required: ["a"] },
          { properties: { b: { type: "integer" } }, required: ["b"] },
        ],
      },
    },
    required: ["home", "work", "contact", "merged"],
  },
  recursive: {
    $defs: { node: { type: "object", properties: { value: { type: "integer" }, children: { type: "array", items: { $ref: "#/$defs/node" } } }, required: ["value", "children"] } },
    $ref: "#/$defs/node",
  },
  noTypes: { properties: { x: { minimum: 2, maximum: 3 }, list: { items: { type: "boolean" } } }, required: ["x", "list"] },
};

describe("generateFromSchema", () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`generates values valid against the ${name} schema`, () => {
      const validate = ajv.compile(schema);
      const source = testSource(name);
      for (let i = 0; i < 50; i++) {
        const { value } = generateFromSchema(schema, source);
        expect(validate(value), JSON.stringify({ value, errors: validate.errors })).toBe(true);
      }
    });
  }

  it("is reproducible for a seed and varies across seeds", () => {
    const gen = (seed: string) => generateFromSchema(SCHEMAS.flat as JsonSchema, testSource(seed)).value;
    expect(gen("x")).toEqual(gen("x"));
    expect(gen("x")).not.toEqual(gen("y"));
  });

  it("records every node with its path and resolved schema", () => {
    const { nodes } = generateFromSchema(SCHEMAS.refsAndBranches as JsonSchema, testSource());
    const home = nodes.find((n) => n.path.join(".") === "home");
    expect(home?.schema.required).toEqual(["city", "zip"]);
    expect(nodes.some((n) => n.path.join(".") === "home.zip")).toBe(true);
  });
});
