// Reads a JSON file for a CLI option: a missing file or a syntax error is a located user error
// (`file:line:column`), never a stack trace.
import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { CliError } from "./cli-error.js";

/** Where a JSON syntax error is, 1-based; V8 reports only a character offset (Node 20) or adds the line (Node 22). */
export interface JsonErrorLocation {
  line: number;
  column: number;
  message: string;
}

/**
 * Locates the syntax error of `JSON.parse(text)`; `undefined` when the text parses.
 *
 * @example
 * locateJsonError('{\n "a": 1,\n}'); // { line: 3, column: 1, message: "Expected double-quoted property name" }
 */
export function locateJsonError(text: string): JsonErrorLocation | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (error) {
    const raw = error instanceof Error ? error.message : String(error);
    const offset = /at position (\d+)/.exec(raw)?.[1];
    // "Unexpected end of JSON input" carries no offset: the problem is at the end.
    const at = offset === undefined ? text.length : Number(offset);
    const before = text.slice(0, at).split("\n");
    const message = raw.replace(/\s*in JSON at position \d+.*$/, "").replace(/^SyntaxError: /, "");
    return { line: before.length, column: (before.at(-1)?.length ?? 0) + 1, message };
  }
}

/**
 * Reads and parses `path` (relative to `cwd`); shown in errors as given.
 *
 * @example
 * const schema = readJsonFile("schema.json", process.cwd()); // throws CliError E_NOT_FOUND / E_INVALID_INPUT
 */
export function readJsonFile(path: string, cwd: string): unknown {
  let text: string;
  try {
    text = readFileSync(resolve(cwd, path), "utf8");
  } catch (error) {
    throw fileError(path, error);
  }
  const problem = locateJsonError(text);
  if (problem) throw new CliError("E_INVALID_INPUT", `${path}:${problem.line}:${problem.column} invalid JSON: ${problem.message}`);
  return JSON.parse(text) as unknown;
}

/**
 * Reads a text file, a missing or unreadable one being a user error.
 *
 * @example
 * const text = readTextFile("response.txt", process.cwd());
 */
export function readTextFile(path: string, cwd: string): string {
  try {
    return readFileSync(resolve(cwd, path), "utf8");
  } catch (error) {
    throw fileError(path, error);
  }
}

function fileError(path: string, error: unknown): CliError {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === "ENOENT") return new CliError("E_NOT_FOUND", `no such file: ${path}`);
  if (code === "EISDIR") return new CliError("E_INVALID_INPUT", `${path} is a folder, not a file`);
  return new CliError("E_INVALID_INPUT", `cannot read ${path}: ${error instanceof Error ? error.message : String(error)}`);
}
