import { describe, expect, it } from "vitest";
import { healSyntax } from "./heal-syntax.js";

describe("healSyntax", () => {
  it("parses valid JSON directly, with no transform", () => {
    expect(healSyntax(' {"a": 1} ', "safe", "stop")).toEqual({ ok: true, value: { a: 1 }, transforms: [] });
  });

  it("applies the transforms in order and stops at the first parse", () => {
    expect(healSyntax('Sure!\n```json\n{a: [1, 2,],\n```', "safe", "stop")).toEqual({
      ok: true,
      value: { a: [1, 2] },
      transforms: ["strip_markdown_fence", "remove_trailing_commas", "quote_bare_keys", "append_missing_closers"],
    });
    expect(healSyntax('```json\n{"a": 1}\n``` and {"b": 2}', "safe", "stop")).toEqual({ ok: true, value: { a: 1 }, transforms: ["strip_markdown_fence"] });
  });

  it("strict mode only strips fences and prose", () => {
    expect(healSyntax('Here: {"a": 1} ok', "strict", "stop")).toEqual({ ok: true, value: { a: 1 }, transforms: ["extract_json_window"] });
    expect(healSyntax('{"a": 1,}', "strict", "stop")).toEqual({ ok: false, reason: "unparseable", transforms: [] });
  });

  it("never appends closers to output cut off at length", () => {
    expect(healSyntax('{"a": [1, 2', "safe", "length")).toEqual({ ok: false, reason: "truncated", transforms: [] });
    expect(healSyntax('{"a": [1, 2', "extended", "length")).toMatchObject({ ok: false, reason: "truncated" });
    expect(healSyntax('{"a": [1, 2', "safe", "stop")).toMatchObject({ ok: true, value: { a: [1, 2] } });
  });

  it("accepts complete JSON at length but not a bare number, which a cut may have shortened", () => {
    expect(healSyntax('```json\n{"a": 1}\n``', "safe", "length")).toMatchObject({ ok: true, value: { a: 1 } });
    expect(healSyntax("12", "safe", "length")).toEqual({ ok: false, reason: "truncated", transforms: [] });
  });

  it("extended mode repairs on the extracted window with jsonrepair", () => {
    expect(healSyntax("Result: {'a': True, 'b': None} thanks", "extended", "stop")).toEqual({
      ok: true,
      value: { a: true, b: null },
      transforms: ["extract_json_window", "normalise_quotes", "python_literals"],
    });
    expect(healSyntax("{'a': True}", "safe", "stop")).toMatchObject({ ok: false, reason: "unparseable" });
  });
});
