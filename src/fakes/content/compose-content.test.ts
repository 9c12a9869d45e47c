import { describe, expect, it } from "vitest";
import { composeContent } from "./compose-content.js";
import { proseOfTokens } from "./prose.js";
import { testSource } from "./test-source.js";
import { chunkText, countTokens } from "./tokens.js";

const schema = { type: "object", properties: { city: { type: "string" } }, required: ["city"], additionalProperties: false };

describe("tokens and prose", () => {
  it("counts about four characters per token", () => {
    expect(countTokens("")).toBe(0);
    expect(countTokens("abcd")).toBe(1);
    expect(countTokens("abcde")).toBe(2);
  });

  it("writes prose of exactly the requested token count", () => {
    const source = testSource();
    for (const n of [1, 7, 50, 333]) expect(countTokens(proseOfTokens(source.faker, n))).toBe(n);
  });

  it("chunks text without losing characters", () => {
    const text = proseOfTokens(testSource().faker, 37);
    const chunks = chunkText(text, 4);
    expect(chunks.join("")).toBe(text);
    expect(chunks).toHaveLength(Math.ceil(37 / 4));
  });
});

describe("composeContent", () => {
  it("writes free text of the sampled length, usage consistent with the text", () => {
    const result = composeContent({ type: "text" }, 120, undefined, [], testSource());
    expect(result).toMatchObject({ finishReason: "stop", outputTokens: 120, faults: [] });
    expect(countTokens(result.text)).toBe(120);
  });

  it("writes schema-valid JSON whose length decides the token count", () => {
    const result = composeContent({ type: "json_schema", schema }, 999, undefined, [], testSource());
    expect(Object.keys(JSON.parse(result.text) as object)).toEqual(["city"]);
    expect(result.outputTokens).toBe(countTokens(result.text));
  });

  it("cuts at max tokens with finish reason length", () => {
    const result = composeContent({ type: "text" }, 500, 100, [], testSource());
    expect(result).toMatchObject({ finishReason: "length", outputTokens: 100 });
  });

  it("truncate_length keeps the given share and reports length", () => {
    const full = composeContent({ type: "text" }, 100, undefined, [], testSource("a"));
    const cut = composeContent({ type: "text" }, 100, undefined, [{ phase: 0, type: "truncate_length", keep: 0.25 }], testSource("a"));
    expect(cut.text).toBe(full.text.slice(0, 100));
    expect(cut).toMatchObject({ finishReason: "length", outputTokens: 25 });
  });

  it("applies schema faults before text faults, and reports JSON faults on free text as not applied", () => {
    const json = composeContent(
      { type: "json_schema", schema },
      1,
      undefined,
      [
        { phase: 1, type: "markdown_fence", keep: undefined },
        { phase: 0, type: "extra_property", keep: undefined },
      ],
      testSource(),
    );
    expect(json.text.startsWith("```json\n{")).toBe(true);
    expect(json.text).toContain('"unexpected_field"');
    expect(json.faults.map((f) => [f.type, f.applied])).toEqual([
      ["extra_property", true],
      ["markdown_fence", true],
    ]);
    const text = composeContent({ type: "text" }, 10, undefined, [{ phase: 0, type: "trailing_comma", keep: undefined }], testSource());
    expect(text.faults).toEqual([{ phase: 0, type: "trailing_comma", applied: false, detail: "not a JSON answer" }]);
  });
});
