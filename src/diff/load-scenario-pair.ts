// One scenario loaded twice for `diff`, once per preset version. What a version means:
// - its presets folder stands in for the scenario's `presets_dir` (and is added to a scenario
//   without one, for traffic-only files written for diff);
// - the scenario's own presets (inline `presets`, `swap_preset` events) are part of the scenario
//   file: for a git revision they are read from the file at that revision, for a folder they are
//   today's;
// - an inline preset whose slug the folder also defines is an error when the scenario has
//   `presets_dir` (which one is under test?), and wins over the folder when it has none (as in
//   `gateway-sim run`, which never reads a folder for it), with a note in the report.
import { readFileSync } from "node:fs";
import { z } from "zod";
import { type ConfigIssue, parseConfig } from "../core/load-config.js";
import { loadPresetDir } from "../gateway/presets/load-preset-dir.js";
import { loadScenario } from "../scenarios/load/load-scenario.js";
import type { LoadedScenario } from "../scenarios/load/loaded-scenario.js";
import { conflictIssues, folderPresetFiles, folderWithout, type InlineConflict } from "./inline-conflicts.js";
import { type GitRunner, runGit } from "./preset-source.js";
import { presetsAtRevision } from "./presets-at-revision.js";
import { withRevisionPresets } from "./with-revision-presets.js";

/** One preset version: its folder, its name in the report, and its git revision when it is one. */
export interface DiffSide {
  dir: string;
  label: string;
  revision?: string | undefined;
}

export type LoadedPair = { ok: true; name: string; before: LoadedScenario; after: LoadedScenario; notes: string[] } | { ok: false; issues: ConfigIssue[] };

const rawSchema = z.looseObject({ presets_dir: z.unknown().optional(), presets: z.array(z.looseObject({ slug: z.unknown() })).catch([]) });

/** Whether the file names a presets folder, and its inline slugs; undefined when unreadable (loading reports it). */
function readOwnPresets(file: string): { text: string; hasDir: boolean; slugs: string[] } | undefined {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return undefined;
  }
  const raw = parseConfig(file, text, rawSchema);
  if (!raw.ok) return undefined;
  return { text, hasDir: raw.value.presets_dir !== undefined, slugs: raw.value.presets.map((p) => (typeof p.slug === "string" ? p.slug : "")) };
}

function conflictsOf(slugs: readonly string[], sides: readonly [string, DiffSide][]): InlineConflict[] {
  const folders = sides.map(([name, side]) => [name, side, folderPresetFiles(side.dir)] as const);
  return slugs.flatMap((slug, index) => {
    const files = folders.flatMap(([name, side, files]) => (files.has(slug) ? [`${name} ${side.label}/${files.get(slug) ?? ""}`] : []));
    return slug !== "" && files.length > 0 ? [{ index, slug, files }] : [];
  });
}

/** Loads with `side`'s folder, minus the slugs the scenario defines itself when it has no presets_dir. */
function loadSide(file: string, side: DiffSide, shadowed: ReadonlySet<string>): ReturnType<typeof loadScenario> {
  const files = folderPresetFiles(side.dir);
  if (![...shadowed].some((slug) => files.has(slug))) return loadScenario(file, { presetsDir: side.dir });
  // Validated in place first, so a broken preset file is reported at its own path, not the copy's.
  const folder = loadPresetDir(side.dir);
  if (!folder.ok) return { ok: false, issues: folder.issues };
  const copy = folderWithout(side.dir, shadowed);
  try {
    return loadScenario(file, { presetsDir: copy.dir });
  } finally {
    copy.cleanup();
  }
}

async function atVersion(file: string, scenario: LoadedScenario, side: DiffSide, name: string, git: GitRunner): Promise<{ scenario: LoadedScenario; notes: string[] } | { issues: ConfigIssue[] }> {
  const own = scenario.spec.presets.length > 0 || scenario.swapPresets.size > 0;
  if (side.revision === undefined || !own) return { scenario, notes: [] };
  const at = await presetsAtRevision(file, side.revision, git);
  if (!at.ok) return { issues: at.issues };
  if (!at.found) return { scenario, notes: [`${name}: ${file} is not in ${side.revision}; its own presets run as defined now`] };
  return withRevisionPresets(scenario, at, name);
}

function unique(issues: readonly ConfigIssue[]): ConfigIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.file}:${i.line}:${i.column} ${i.path}: ${i.message}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
}

/**
 * @example
 * const pair = await loadScenarioPair("scenarios/rollout.yaml", { before: { dir, label: "main:presets", revision: "main" }, after: { dir: "presets", label: "presets" } });
 */
export async function loadScenarioPair(file: string, sides: { before: DiffSide; after: DiffSide }, git: GitRunner = runGit): Promise<LoadedPair> {
  const own = readOwnPresets(file);
  const named: [string, DiffSide][] = [
    ["--before", sides.before],
    ["--after", sides.after],
  ];
  const conflicts = own ? conflictsOf(own.slugs, named) : [];
  if (own && own.hasDir && conflicts.length > 0) return { ok: false, issues: conflictIssues(file, own.text, conflicts) };
  const shadowed = new Set(conflicts.map((c) => c.slug));
  const notes = conflicts.map(
    (c) => `preset "${c.slug}" is defined inline and the scenario has no presets_dir: its inline definition runs, not ${c.files.join(" or ")} (compare git revisions to diff the inline one)`,
  );
  const loaded = named.map(([, side]) => loadSide(file, side, shadowed));
  const [before, after] = loaded;
  if (!before?.ok || !after?.ok) return { ok: false, issues: unique(loaded.flatMap((l) => (l.ok ? [] : l.issues))) };
  const versions = [await atVersion(file, before.scenario, sides.before, "--before", git), await atVersion(file, after.scenario, sides.after, "--after", git)];
  const [b, a] = versions;
  if (!b || !a || "issues" in b || "issues" in a) return { ok: false, issues: unique(versions.flatMap((v) => (v && "issues" in v ? v.issues : []))) };
  return { ok: true, name: before.scenario.name, before: b.scenario, after: a.scenario, notes: [...notes, ...b.notes, ...a.notes] };
}
