import { describe, expect, it } from "vitest";
import { detectSyntaxRepairs } from "./detect-syntax-repairs.js";

describe("detectSyntaxRepairs", () => {
  it.each([
    ["{'a': 'b'}", ["normalise_quotes"]],
    ["{“a”: “b”}", ["normalise_quotes"]],
    ['{"a": 1 // why\n, "b": /* c */ 2}', ["strip_comments"]],
    ['{"a": True, "b": None}', ["python_literals"]],
    ['{"a": "line one\nline two"}', ["escape_control_characters"]],
    ['[1 2 "x"]', ["insert_missing_commas"]],
    ['{"a": 1 "b": 2}', ["insert_missing_commas"]],
    ['{"a" 1}', ["insert_missing_colons"]],
    ['{"a": 1}\n{"a": 2}', ["merge_concatenated_values"]],
    ['{"a": [1,],}', ["remove_trailing_commas"]],
    ["{a: 1}", ["quote_bare_keys"]],
    ['{"a": [1, 2', ["append_missing_closers"]],
    ['{"status": active now}', ["jsonrepair"]],
  ])("names the repairs of %j", (text, repairs) => {
    expect(detectSyntaxRepairs(text)).toMatchObject({ repairs, refusal: undefined });
  });

  it("flags bare-word values", () => {
    expect(detectSyntaxRepairs('{"status": active}').bareValues).toBe(true);
    expect(detectSyntaxRepairs('{"status": true, "n": -1.5e3}').bareValues).toBe(false);
  });

  it.each([
    ['{"a":', "missing_value"],
    ['{"a": , "b": 2}', "missing_value"],
    ['{"a"', "missing_value"],
    ["[1, 2, ...]", "ellipsis"],
    ['{"a": 1, ...}', "ellipsis"],
  ])("refuses %j (%s)", (text, refusal) => {
    expect(detectSyntaxRepairs(text).refusal).toBe(refusal);
  });

  it("does not mistake an ellipsis or comment marker inside a string", () => {
    expect(detectSyntaxRepairs('{"a": "wait... // no"}')).toEqual({ repairs: ["jsonrepair"], refusal: undefined, bareValues: false });
  });
});
