import { describe, expect, it } from "vitest";
import { healSyntax } from "./heal-syntax.js";

describe("healSyntax", () => {
  it("parses the trimmed text directly, with no transform and not healed", () => {
    expect(healSyntax(' {"a": 1} ', "safe", "stop")).toEqual({ ok: true, value: { a: 1 }, healed: false, transforms: [] });
    expect(healSyntax("   ", "safe", "stop")).toEqual({ ok: false, reason: "not_json", transforms: [] });
  });

  it("applies the transforms in order, cumulatively, and stops at the first parse", () => {
    expect(healSyntax("Sure!\n```json\n{a: [1, 2,],\n```", "safe", "stop")).toEqual({
      ok: true,
      value: { a: [1, 2] },
      healed: true,
      transforms: ["strip_markdown_fence", "remove_trailing_commas", "quote_bare_keys", "append_missing_closers"],
    });
    expect(healSyntax('```json\n{"a": 1}\n``` and {"b": 2}', "safe", "stop")).toEqual({ ok: true, value: { a: 1 }, healed: true, transforms: ["strip_markdown_fence"] });
  });

  it("strict mode only strips fences and prose; its failures are unrepairable unless cut at length", () => {
    expect(healSyntax('Here: {"a": 1} ok', "strict", "stop")).toEqual({ ok: true, value: { a: 1 }, healed: true, transforms: ["extract_json_window"] });
    expect(healSyntax('{"a": 1,}', "strict", "stop")).toEqual({ ok: false, reason: "unrepairable", transforms: [] });
    expect(healSyntax('{"a": 1,}', "strict", "length")).toEqual({ ok: false, reason: "truncated", transforms: [] });
  });

  it("never appends closers to output cut off at length", () => {
    expect(healSyntax('{"a": [1, 2', "safe", "length")).toEqual({ ok: false, reason: "truncated", transforms: [] });
    expect(healSyntax('{"a": [1, 2', "extended", "length")).toMatchObject({ ok: false, reason: "truncated" });
    expect(healSyntax('{"a": [1, 2', "safe", "stop")).toMatchObject({ ok: true, value: { a: [1, 2] } });
  });

  it("accepts complete JSON at length, a bare number too (the reference does not distrust it)", () => {
    expect(healSyntax('```json\n{"a": 1}\n``', "safe", "length")).toMatchObject({ ok: true, value: { a: 1 } });
    expect(healSyntax("12", "safe", "length")).toEqual({ ok: true, value: 12, healed: false, transforms: [] });
  });

  it("refuses a parse that names a key the text never spelled", () => {
    expect(healSyntax("{\u201ca\u201d: 15}", "safe", "stop")).toEqual({ ok: false, reason: "unrepairable", transforms: [] });
  });

  it("extended mode repairs on the extracted window with jsonrepair", () => {
    expect(healSyntax("Result: {'a': True, 'b': None} thanks", "extended", "stop")).toEqual({
      ok: true,
      value: { a: true, b: null },
      healed: true,
      transforms: ["extract_json_window", "normalise_quotes", "python_literals"],
    });
    expect(healSyntax("{'a': True}", "safe", "stop")).toMatchObject({ ok: false, reason: "unrepairable" });
  });
});
