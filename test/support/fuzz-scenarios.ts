// Property: a random mutation of an example scenario is either valid or refused with located problems
// (`file:line:column`), never an internal error. Used by test/fuzz.test.ts (fixed seed, small budget)
// and test/fuzz-run.ts (`npm run fuzz`, large budget, figures).
import { cpSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative } from "node:path";
import fc from "fast-check";
import { parse, stringify } from "yaml";
import { runCli } from "../../src/cli/program.js";
import { captureIo } from "./capture-io.js";

/** How a mutant came out. `unlocated` and `crash` break the property. */
export type MutantOutcome = "valid" | "invalid-located" | "unlocated" | "crash";

export interface Mutation {
  file: number;
  kind: "insert" | "delete" | "truncate" | "set" | "remove" | "duplicate";
  at: number;
  length: number;
  snippet: string;
  value: unknown;
}

/** Text YAML users (and attackers) get wrong. */
const SNIPPETS = [
  ": ",
  "- ",
  "&a ",
  "*a",
  "!!js/function ",
  "!custom ",
  "{",
  "}",
  "[",
  "]",
  '"',
  "'",
  "\t",
  "\n  ",
  "? ",
  "%YAML 1.1\n",
  "---\n",
  "...\n",
  "<<: *a\n",
  "#",
  "|\n",
  ">-\n",
  "~",
  "0x",
  "1e300",
  ".inf",
  "-.nan",
];

const hostileValue = fc.oneof(
  fc.integer(),
  fc.constantFrom(1e300, -1, 0, 0.5, Number.MAX_SAFE_INTEGER, 1e12, -1e300),
  fc.string({ maxLength: 30 }),
  fc.constantFrom("", "x".repeat(5_000), "10m", "1h", "9999999h", "-5s", "1e300ms", "openai", "openai/gpt-5.4-nano", "{{lorem.sentence}}", "{{nope.nope}}"),
  fc.boolean(),
  fc.constant(null),
  fc.constant({}),
  fc.constant([]),
  fc.jsonValue({ maxDepth: 3 }),
);

export const mutationArbitrary = (files: number): fc.Arbitrary<Mutation> =>
  fc.record({
    file: fc.nat({ max: files - 1 }),
    kind: fc.constantFrom("insert", "delete", "truncate", "set", "set", "set", "remove", "duplicate"),
    at: fc.nat(),
    length: fc.nat({ max: 40 }),
    snippet: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 12 })),
    value: hostileValue,
  });

/** The example scenarios, copied with what they reference into a scratch folder the mutants are written in. */
export function scenarioWorkspace(): { root: string; files: string[]; texts: string[] } {
  const root = mkdtempSync(join(tmpdir(), "gateway-sim-fuzz-"));
  for (const dir of ["scenarios", "presets", "catalog"]) cpSync(dir, join(root, dir), { recursive: true });
  const files = listYaml(join(root, "scenarios"));
  return { root, files, texts: files.map((f) => readFileSync(f, "utf8")) };
}

function listYaml(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) return name === "__snapshots__" ? [] : listYaml(path);
      return name.endsWith(".yaml") ? [path] : [];
    });
}

/** Applies one mutation to a scenario's text. */
export function mutate(text: string, m: Mutation): string {
  const at = m.at % (text.length + 1);
  switch (m.kind) {
    case "insert":
      return text.slice(0, at) + m.snippet + text.slice(at);
    case "delete":
      return text.slice(0, at) + text.slice(at + m.length);
    case "truncate":
      return text.slice(0, at);
    default:
      return mutateData(text, m);
  }
}

type Container = Record<string, unknown> | unknown[];

/** Data-level mutations: set, remove or duplicate the node at a random path, then write YAML again. */
function mutateData(text: string, m: Mutation): string {
  const data: unknown = parse(text);
  const slots: { parent: Container; key: string | number }[] = [];
  const stack: unknown[] = [data];
  while (stack.length > 0) {
    const node = stack.pop();
    if (typeof node !== "object" || node === null) continue;
    const entries: [string | number, unknown][] = Array.isArray(node) ? node.map((v, i) => [i, v]) : Object.entries(node);
    for (const [key, value] of entries) {
      slots.push({ parent: node as Container, key });
      stack.push(value);
    }
  }
  const slot = slots[m.at % Math.max(1, slots.length)];
  if (!slot) return text;
  const { parent, key } = slot;
  if (m.kind === "set") (parent as Record<string | number, unknown>)[key] = m.value;
  else if (m.kind === "remove") {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key as string];
  } else if (Array.isArray(parent)) {
    // Many copies of one item: large plans, duplicate names.
    for (let i = 0; i < 1 + (m.length % 5); i++) parent.push(structuredClone(parent[Number(key)]));
  } else parent[`${String(key)}_copy`] = structuredClone(parent[key as string]);
  return stringify(data);
}

/** Every problem line of `validate`'s output is `file:line:column …`. */
const PROBLEM_LINE = /^ {2}\S.*:\d+:\d+ /;

/**
 * Writes the mutant beside its original (so relative references resolve) and validates it in-process.
 *
 * @example
 * const outcome = await validateMutant(workspace, 3, mutantText);
 */
export async function validateMutant(workspace: { files: string[] }, fileIndex: number, text: string): Promise<{ outcome: MutantOutcome; output: string; file: string }> {
  const original = workspace.files[fileIndex] as string;
  const file = join(dirname(original), "__mutant.yaml");
  writeFileSync(file, text);
  const io = captureIo();
  let code: number;
  try {
    code = await runCli(["validate", relative(process.cwd(), file)], io);
  } catch (error) {
    return { outcome: "crash", output: String(error), file };
  }
  const output = io.out();
  if (code === 0) return { outcome: "valid", output, file };
  if (code !== 2) return { outcome: "crash", output, file };
  const problems = output.split("\n").filter((line) => line.startsWith("  "));
  const located = problems.length > 0 && problems.every((line) => PROBLEM_LINE.test(line));
  return { outcome: located ? "invalid-located" : "unlocated", output, file };
}
