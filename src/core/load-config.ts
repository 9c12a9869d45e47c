// Loads a YAML or JSON file through a zod schema and turns every problem into a located message
// (`file:line:column path: expected …`), so bad input never surfaces as a stack trace.
import { readFileSync } from "node:fs";
import type { Document, LineCounter } from "yaml";
import type { z } from "zod";
import { closestMatch } from "./did-you-mean.js";
import { knownKeysAt } from "./schema-keys.js";
import { formatPath } from "./format-path.js";
import { checkJsonBounds } from "./json-bounds.js";
import { yamlLibrary } from "./yaml-library.js";
import { MAX_CONFIG_DEPTH, yamlSource, type YamlSource } from "./yaml-source.js";

/** One problem in a config file. */
export interface ConfigIssue {
  file: string;
  line: number;
  column: number;
  /** Dotted field path, e.g. `providers.openai.latency.p99`; empty for the document itself. */
  path: string;
  message: string;
}

/** Every problem of one file at once. */
export class ConfigError extends Error {
  override name = "ConfigError";
  constructor(readonly issues: ConfigIssue[]) {
    super(issues.map(formatConfigIssue).join("\n"));
  }
}

export { formatPath };

export type ConfigResult<T> = { ok: true; value: T } | { ok: false; issues: ConfigIssue[] };

/** `file:line:column path: message`. */
export function formatConfigIssue(issue: ConfigIssue): string {
  const where = `${issue.file}:${issue.line}:${issue.column}`;
  return issue.path ? `${where} ${issue.path}: ${issue.message}` : `${where} ${issue.message}`;
}

/**
 * Parses `text` (YAML, which includes JSON) and validates it with `schema`.
 *
 * @example
 * const result = parseConfig("presets/a.yaml", text, presetSchema);
 * if (!result.ok) console.error(result.issues.map(formatConfigIssue).join("\n"));
 */
export function parseConfig<S extends z.ZodType>(file: string, text: string, schema: S): ConfigResult<z.output<S>> {
  return validateConfig(file, yamlSource(text), schema);
}

/**
 * Validates an already-read source with `schema`; a file validated against several schemas is read once.
 * A valid file is decided on the fast reading alone; problems are located on the `yaml` document.
 *
 * @example
 * const source = yamlSource(text);
 * const a = validateConfig(file, source, schemaA), b = validateConfig(file, source, schemaB);
 */
export function validateConfig<S extends z.ZodType>(file: string, source: YamlSource, schema: S): ConfigResult<z.output<S>> {
  const fast = source.fast();
  if (fast !== undefined) {
    const parsed = schema.safeParse(fast);
    if (parsed.success) return { ok: true, value: parsed.data };
  }
  const located = source.located();
  if (!located.ok) {
    return {
      ok: false,
      issues: located.problems.map((p) => {
        const pos = located.lines.linePos(p.offset);
        return { file, line: pos.line, column: pos.col, path: "", message: p.message };
      }),
    };
  }
  const { doc, lines, data } = located;
  const tooDeep = checkJsonBounds(data, { ...UNBOUNDED, maxDepth: MAX_CONFIG_DEPTH });
  if (tooDeep) {
    const at = locate(doc, lines, pathKeys(data, tooDeep.path), false);
    return { ok: false, issues: [{ file, ...at, path: tooDeep.path, message: `${tooDeep.message}: flatten the file` }] };
  }
  const parsed = schema.safeParse(data);
  if (parsed.success) return { ok: true, value: parsed.data };
  // A misspelt key is one problem: "unknown field trafic; did you mean traffic?", not also "traffic
  // is missing". The suggested keys' missing-field issues are dropped.
  const suggestions = new Map<z.core.$ZodIssue, (string | undefined)[]>();
  const suggested = new Set<string>();
  for (const issue of parsed.error.issues) {
    if (issue.code !== "unrecognized_keys") continue;
    const known = knownKeysAt(schema, issue.path);
    const matches = issue.keys.map((key) => closestMatch(key, known));
    suggestions.set(issue, matches);
    for (const match of matches) if (match !== undefined) suggested.add(formatPath([...issue.path, match]));
  }
  const issues = parsed.error.issues.flatMap((issue): ConfigIssue[] => {
    const path = formatPath(issue.path);
    if (issue.code === "unrecognized_keys") {
      const matches = suggestions.get(issue) ?? [];
      return issue.keys.map((key, i) => {
        const match = matches[i];
        const at = locate(doc, lines, [...issue.path, key], true);
        return { file, ...at, path: formatPath([...issue.path, key]), message: `unknown field "${key}"${match === undefined ? "" : `; did you mean "${match}"?`}` };
      });
    }
    if (suggested.has(path) && issue.code === "invalid_type" && issue.message.endsWith("received undefined")) return [];
    return [{ file, ...locate(doc, lines, issue.path, false), path, message: issue.message }];
  });
  return { ok: false, issues };
}

const UNBOUNDED = { maxObjectKeys: Infinity, maxArrayItems: Infinity, maxNodes: Infinity };

/** The keys of a formatted path (`a.b[2].c`), as the value's own containers have them. */
function pathKeys(data: unknown, path: string): PropertyKey[] {
  const keys: PropertyKey[] = [];
  let node: unknown = data;
  for (const part of path.match(/[^.[\]]+|\[\d+\]/g) ?? []) {
    const key: PropertyKey = part.startsWith("[") && Array.isArray(node) ? Number(part.slice(1, -1)) : part;
    keys.push(key);
    node = typeof node === "object" && node !== null ? (node as Record<PropertyKey, unknown>)[key] : undefined;
  }
  return keys;
}

/** Reads and parses a file; a missing file is one located issue, not an exception. */
export function loadConfigFile<S extends z.ZodType>(file: string, schema: S): ConfigResult<z.output<S>> {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === "ENOENT" ? "file not found" : String(error);
    return { ok: false, issues: [{ file, line: 1, column: 1, path: "", message: reason }] };
  }
  return parseConfig(file, text, schema);
}

function locate(doc: Document, lines: LineCounter, path: readonly PropertyKey[], atKey: boolean): { line: number; column: number } {
  const { isCollection, isNode } = yamlLibrary();
  let node: unknown = doc.contents;
  let best = isNode(node) && node.range ? node.range[0] : 0;
  for (let i = 0; i < path.length; i++) {
    if (!isCollection(node)) break;
    const key = path[i];
    const pair = (node.items as unknown[]).find((item, index) => (isPairLike(item) ? keyOf(item) === String(key) : index === key));
    if (pair === undefined) break;
    const isLast = i === path.length - 1;
    if (isPairLike(pair)) {
      const keyNode = pair.key;
      if (isLast && atKey && isNode(keyNode) && keyNode.range) best = keyNode.range[0];
      node = pair.value;
      if (!(isLast && atKey) && isNode(node) && node.range) best = node.range[0];
      else if (!(isLast && atKey) && isNode(keyNode) && keyNode.range) best = keyNode.range[0];
    } else {
      node = pair;
      if (isNode(node) && node.range) best = node.range[0];
    }
  }
  const pos = lines.linePos(best);
  return { line: pos.line, column: pos.col };
}

interface PairLike {
  key: unknown;
  value: unknown;
}

function isPairLike(item: unknown): item is PairLike {
  return typeof item === "object" && item !== null && "key" in item && "value" in item;
}

function keyOf(pair: PairLike): string {
  const key = pair.key;
  if (yamlLibrary().isNode(key) && "value" in key) return String((key as { value: unknown }).value);
  return String(key);
}
