import { describe, expect, it } from "vitest";
import { repairSyntax } from "./repair-syntax.js";

describe("repairSyntax", () => {
  it("repairs and names what it repaired", () => {
    expect(repairSyntax("{'summary': 'ok', 'done': True, // checked\n}", false)).toEqual({
      ok: true,
      value: { summary: "ok", done: true },
      repairs: ["normalise_quotes", "python_literals", "strip_comments", "remove_trailing_commas"],
    });
  });

  it("merges newline-separated values into an array", () => {
    expect(repairSyntax('{"a": 1}\n{"a": 2}', false)).toMatchObject({ ok: true, value: [{ a: 1 }, { a: 2 }], repairs: ["merge_concatenated_values"] });
  });

  it("refuses prose, brackets alone and invented or dropped content", () => {
    expect(repairSyntax("Sorry, I cannot do that", false)).toEqual({ ok: false, refusal: "no_json_structure" });
    expect(repairSyntax("[ {", false)).toEqual({ ok: false, refusal: "no_json_structure" });
    expect(repairSyntax('{"a": 1, "b":', false)).toEqual({ ok: false, refusal: "missing_value" });
    expect(repairSyntax("[1, 2, ...]", false)).toEqual({ ok: false, refusal: "ellipsis" });
  });

  it("refuses bare-word strings in a window cut out of prose, but not in a whole answer", () => {
    expect(repairSyntax("[see above]", true)).toEqual({ ok: false, refusal: "ambiguous_window" });
    expect(repairSyntax('{"status": active}', false)).toEqual({ ok: true, value: { status: "active" }, repairs: ["jsonrepair"] });
  });

  it("reports a text jsonrepair cannot fix", () => {
    expect(repairSyntax('{"a",', false)).toMatchObject({ ok: false });
  });
});
