import { describe, expect, it } from "vitest";
import { upgradeDraft04 } from "./draft-04.js";

describe("upgradeDraft04", () => {
  it("turns boolean exclusive bounds into numeric ones", () => {
    expect(upgradeDraft04({ maximum: 5, exclusiveMaximum: true, minimum: 1, exclusiveMinimum: false })).toEqual({ exclusiveMaximum: 5, minimum: 1 });
  });

  it("renames id to $id and drops $schema, at every depth", () => {
    const upgraded = upgradeDraft04({
      $schema: "http://json-schema.org/draft-04/schema#",
      id: "http://example.com/root",
      definitions: { a: { id: "#a", type: "integer", minimum: 0, exclusiveMinimum: true } },
    });
    expect(upgraded).toEqual({ $id: "http://example.com/root", definitions: { a: { $id: "#a", type: "integer", exclusiveMinimum: 0 } } });
  });

  it("leaves property names and data keywords alone", () => {
    const schema = {
      properties: { $schema: { type: "string" }, id: { type: "string" }, exclusiveMaximum: { type: "boolean" } },
      enum: [{ id: "x", exclusiveMaximum: true }],
      default: { $schema: "kept" },
      required: ["id"],
    };
    expect(upgradeDraft04(schema)).toEqual(schema);
  });

  it("does not modify its input", () => {
    const schema = { maximum: 5, exclusiveMaximum: true };
    upgradeDraft04(schema);
    expect(schema).toEqual({ maximum: 5, exclusiveMaximum: true });
  });
});
