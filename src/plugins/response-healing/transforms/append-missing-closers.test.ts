import { describe, expect, it } from "vitest";
import { appendMissingClosers } from "./append-missing-closers.js";

describe("appendMissingClosers", () => {
  it("closes open brackets innermost first", () => {
    expect(appendMissingClosers('{"a": [1, {"b": 2}')).toBe('{"a": [1, {"b": 2}]}');
    expect(appendMissingClosers('{"a": {"b": [1, 2]\n  ')).toBe('{"a": {"b": [1, 2]}}');
  });

  it("ignores brackets inside strings", () => {
    expect(appendMissingClosers('{"a": "[{", "b": 1')).toBe('{"a": "[{", "b": 1}');
  });

  it("leaves a text that ends inside a string", () => {
    expect(appendMissingClosers('{"a": "unfinished')).toBe('{"a": "unfinished');
  });

  it("leaves mismatched closers, balanced texts and brackets with no value", () => {
    expect(appendMissingClosers('{"a": [1}')).toBe('{"a": [1}');
    expect(appendMissingClosers('{"a": 1}')).toBe('{"a": 1}');
    expect(appendMissingClosers("[ {")).toBe("[ {");
  });
});
