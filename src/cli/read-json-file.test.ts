import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CliError } from "./cli-error.js";
import { locateJsonError, readJsonFile, readTextFile } from "./read-json-file.js";

describe("locateJsonError", () => {
  it("is undefined for valid JSON", () => {
    expect(locateJsonError('{"a": [1, 2]}')).toBeUndefined();
  });

  it("turns V8's character offset into line and column", () => {
    expect(locateJsonError('{\n  "a": 1,\n}')).toEqual({ line: 3, column: 1, message: "Expected double-quoted property name" });
    expect(locateJsonError("[1, 2 3]")).toEqual({ line: 1, column: 7, message: "Expected ',' or ']' after array element" });
  });

  it("puts an unexpected end at the end of the text", () => {
    expect(locateJsonError('{\n  "a": ')).toEqual({ line: 2, column: 8, message: "Unexpected end of JSON input" });
  });
});

describe("readJsonFile / readTextFile", () => {
  const dir = mkdtempSync(join(tmpdir(), "gateway-sim-read-json-"));
  writeFileSync(join(dir, "ok.json"), '{"type": "object"}');
  writeFileSync(join(dir, "bad.json"), '{"type": "object",}');

  it("parses a file relative to cwd", () => {
    expect(readJsonFile("ok.json", dir)).toEqual({ type: "object" });
    expect(readTextFile("ok.json", dir)).toBe('{"type": "object"}');
  });

  it("reports a syntax error located, as the path was given", () => {
    expect(() => readJsonFile("bad.json", dir)).toThrow(new CliError("E_INVALID_INPUT", "bad.json:1:19 invalid JSON: Expected double-quoted property name"));
  });

  it("reports a missing file or a folder as user errors", () => {
    const missing = (() => {
      try {
        readTextFile("nope.txt", dir);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(missing).toBeInstanceOf(CliError);
    expect(missing).toMatchObject({ code: "E_NOT_FOUND", message: "no such file: nope.txt", exitCode: 2 });
    expect(() => readJsonFile(".", dir)).toThrow(". is a folder, not a file");
  });
});
