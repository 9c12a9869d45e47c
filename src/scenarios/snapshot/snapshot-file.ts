// Golden routing-decision snapshots: `__snapshots__/<scenario file>.snap.json` beside the scenario,
// one decision per line so a git diff shows exactly which requests changed.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { basename, dirname, extname, join } from "node:path";
import { z } from "zod";
import { diffDecisions } from "./diff-decisions.js";

const decisionSchema = z.strictObject({
  i: z.number(),
  id: z.string(),
  at: z.number(),
  name: z.string().nullable(),
  selected: z.string().nullable(),
  ranked: z.array(z.string()),
  attempts: z.array(z.string()),
  healing: z.string().nullable(),
  cache: z.string().nullable(),
  status: z.string(),
});

const snapshotFileSchema = z.strictObject({
  scenario: z.string(),
  seed: z.string(),
  decisions: z.array(decisionSchema),
});

export type SnapshotFile = z.output<typeof snapshotFileSchema>;

/** `new`: write missing snapshots; `update`: rewrite all; `none`: a missing snapshot fails (CI). */
export const SNAPSHOT_MODES = ["new", "update", "none"] as const;
export type SnapshotMode = (typeof SNAPSHOT_MODES)[number];

export interface SnapshotOutcome {
  status: "matched" | "written" | "updated" | "mismatch" | "missing";
  file: string;
  /** For a mismatch: readable lines, first differing requests first. */
  diff?: string[];
}

/** Where the snapshot of `scenarioFile` lives. */
export function snapshotPath(scenarioFile: string): string {
  const base = basename(scenarioFile, extname(scenarioFile));
  return join(dirname(scenarioFile), "__snapshots__", `${base}.snap.json`);
}

/** Stable text: keys in schema order, one decision per line. */
export function serializeSnapshot(snapshot: SnapshotFile): string {
  const lines = snapshot.decisions.map((d) => `    ${JSON.stringify(d)}`);
  const decisions = lines.length > 0 ? `[\n${lines.join(",\n")}\n  ]` : "[]";
  return `{\n  "scenario": ${JSON.stringify(snapshot.scenario)},\n  "seed": ${JSON.stringify(snapshot.seed)},\n  "decisions": ${decisions}\n}\n`;
}

/** The stored snapshot, undefined when there is none, "corrupt" when it cannot be read as one. */
function readSnapshot(file: string): SnapshotFile | undefined | "corrupt" {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  try {
    const parsed = snapshotFileSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : "corrupt";
  } catch {
    return "corrupt";
  }
}

/**
 * Compares a run's decisions with the stored snapshot, writing it as `mode` says.
 *
 * @example
 * const outcome = checkSnapshot("scenarios/order.yaml", { scenario: "order", seed: "42", decisions }, "new");
 * if (outcome.status === "mismatch") console.log(outcome.diff?.join("\n"));
 */
export function checkSnapshot(scenarioFile: string, actual: SnapshotFile, mode: SnapshotMode): SnapshotOutcome {
  const file = snapshotPath(scenarioFile);
  const stored = readSnapshot(file);
  const write = (): void => {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, serializeSnapshot(actual));
  };
  if (mode === "update") {
    const same = typeof stored === "object" && serializeSnapshot(stored) === serializeSnapshot(actual);
    if (!same) write();
    return { status: same ? "matched" : "updated", file };
  }
  if (stored === undefined) {
    if (mode === "none") return { status: "missing", file };
    write();
    return { status: "written", file };
  }
  if (stored === "corrupt") {
    return { status: "mismatch", file, diff: [`${file} is not a valid snapshot file; rewrite it with --update-snapshots`] };
  }
  const diff = diffDecisions(stored.decisions, actual.decisions);
  if (stored.seed !== actual.seed) diff.unshift(`seed: snapshot recorded with ${stored.seed}, run with ${actual.seed}`);
  return diff.length === 0 ? { status: "matched", file } : { status: "mismatch", file, diff };
}
