// Reads the text of a YAML (or JSON) config file into data, fast, and keeps a located document for
// reporting problems. js-yaml reads a valid file ~10x faster than the `yaml` library, which a 5 MB
// scenario needs; the `yaml` document (with positions) is built only when there is something to locate.
import { CORE_SCHEMA, load } from "js-yaml";
import type { Document, LineCounter, Node } from "yaml";
import { yamlLibrary } from "./yaml-library.js";

/** Aliases a document may expand into before it counts as an alias bomb (the `yaml` library's check). */
export const MAX_ALIAS_COUNT = 1_000;

/** Deepest nesting a config file may have: far above any real file, far below the stack's limit. */
export const MAX_CONFIG_DEPTH = 100;

/** A problem found while reading, located by character offset. */
export interface YamlProblem {
  offset: number;
  message: string;
}

/** The located form of a file: the `yaml` document and its line counter, or why it could not be read. */
export type LocatedYaml = { ok: true; doc: Document; lines: LineCounter; data: unknown } | { ok: false; lines: LineCounter; problems: YamlProblem[] };

/** One file's text, read fast for data and slowly (once, on demand) for positions. */
export interface YamlSource {
  readonly text: string;
  /** The data, or undefined when only the located reading can say what is wrong. */
  fast(): unknown;
  /** The `yaml` document with positions (parsed on first use, then kept). */
  located(): LocatedYaml;
}

const NOT_READ = Symbol("not read");

/**
 * @example
 * const source = yamlSource("seed: 1\n");
 * source.fast(); // { seed: 1 }
 */
export function yamlSource(text: string): YamlSource {
  let fast: unknown = NOT_READ;
  let located: LocatedYaml | undefined;
  return {
    text,
    fast() {
      if (fast === NOT_READ) fast = readFast(text);
      return fast;
    },
    located() {
      located ??= readLocated(text);
      return located;
    },
  };
}

/**
 * js-yaml with the YAML 1.2 core schema, the `yaml` library's default: the same data for every valid
 * file. Anything unusual (an error, a tag, a duplicate key, aliases expanding into more values than the
 * text could spell out) is left to the located reading, which says where.
 */
function readFast(text: string): unknown {
  try {
    const data = load(text, { schema: CORE_SCHEMA });
    return withinBounds(data, text.length) ? data : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Without aliases every value takes at least one character of the text; a document with more values
 * than characters shares nodes through aliases, which the located reading bounds. Too deep a document
 * is also left to the located reading, which says where.
 */
function withinBounds(data: unknown, budget: number): boolean {
  const stack: { value: unknown; depth: number }[] = [{ value: data, depth: 1 }];
  let nodes = 0;
  while (stack.length > 0) {
    const { value, depth } = stack.pop() as { value: unknown; depth: number };
    if (++nodes > budget) return false;
    if (typeof value !== "object" || value === null) continue;
    if (depth > MAX_CONFIG_DEPTH) return false;
    for (const child of Array.isArray(value) ? value : Object.values(value)) stack.push({ value: child, depth: depth + 1 });
  }
  return true;
}

function readLocated(text: string): LocatedYaml {
  const { LineCounter, parseDocument } = yamlLibrary();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  // Warnings too: an unresolved tag (`!!js/function`, `!custom`) would otherwise read as a plain string.
  const found = [...doc.errors, ...doc.warnings].map((e) => ({ offset: Math.max(0, e.pos[0]), message: yamlMessage(e.message) }));
  if (found.length > 0) return { ok: false, lines, problems: found.sort((a, b) => a.offset - b.offset) };
  try {
    return { ok: true, doc, lines, data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) };
  } catch (error) {
    // The `yaml` library throws (rather than reports) alias problems: locate the alias concerned.
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, lines, problems: [{ offset: aliasOffset(doc, message), message: aliasMessage(message) }] };
  }
}

function yamlMessage(message: string): string {
  const first = message.split("\n")[0] ?? message;
  if (/call stack/i.test(first)) return "syntax error: nested too deeply to read";
  const tag = /^Unresolved tag: (.*)$/.exec(first)?.[1];
  if (tag !== undefined) return `unsupported tag ${tag.replace(/^tag:yaml\.org,2002:/, "!!")}: gateway-sim reads plain YAML 1.2 (strings, numbers, booleans, null, lists, maps)`;
  return `syntax error: ${first}`;
}

function aliasMessage(message: string): string {
  if (/Excessive alias count/.test(message)) return `aliases expand into more than ${MAX_ALIAS_COUNT} copies (an alias bomb?): expand fewer aliases`;
  if (/Unresolved alias/.test(message)) return `syntax error: ${message}`;
  return `cannot read the YAML: ${message}`;
}

/**
 * The alias an alias error is about: an unresolved alias by its name; for too many expansions, the
 * first alias whose anchor holds aliases itself (where expansion starts to multiply), else the first alias.
 */
function aliasOffset(doc: Document, message: string): number {
  const { isAlias, isNode, visit } = yamlLibrary();
  const unresolved = /Unresolved alias[^:]*: (.+)$/.exec(message)?.[1];
  const anchors = new Map<string, Node>();
  let first: number | undefined;
  let multiplying: number | undefined;
  visit(doc, (_key, node) => {
    if (!isNode(node)) return;
    if (isAlias(node)) {
      const at = node.range?.[0] ?? 0;
      if (unresolved !== undefined && node.source === unresolved && multiplying === undefined) multiplying = at;
      first ??= at;
      const target = anchors.get(node.source);
      if (unresolved === undefined && multiplying === undefined && target !== undefined && holdsAlias(target)) multiplying = at;
      return;
    }
    if (node.anchor) anchors.set(node.anchor, node);
  });
  return multiplying ?? first ?? 0;
}

function holdsAlias(node: Node): boolean {
  const { isAlias, isCollection, visit } = yamlLibrary();
  if (!isCollection(node)) return false;
  let found = false;
  visit(node, (_key, inner) => {
    if (isAlias(inner)) {
      found = true;
      return visit.BREAK;
    }
    return undefined;
  });
  return found;
}
