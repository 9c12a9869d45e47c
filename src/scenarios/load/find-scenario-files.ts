// Expands paths (files or folders) into scenario files, in a stable order.
import { readdirSync, statSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";

export const SCENARIO_EXTENSIONS = [".yaml", ".yml", ".json"] as const;
/** Folders inside a scenarios folder that hold other kinds of files. */
const SKIPPED_DIRS = new Set(["__snapshots__", "node_modules", "presets"]);

function isScenarioFile(name: string): boolean {
  return SCENARIO_EXTENSIONS.some((ext) => name.endsWith(ext)) && !name.startsWith("_") && !name.startsWith(".");
}

function walk(dir: string, out: string[]): void {
  for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name) && !entry.name.startsWith(".")) walk(path, out);
    } else if (isScenarioFile(entry.name)) out.push(path);
  }
}

/** A path as reports print it: relative to `cwd` when inside it, with forward slashes. */
export function displayPath(path: string, cwd: string): string {
  const rel = relative(cwd, resolve(cwd, path));
  const shown = rel.startsWith("..") || rel === "" ? path : rel;
  return shown.split(sep).join("/");
}

/**
 * Files as given, folders searched recursively (skipping `__snapshots__`, `presets`, dot-folders and
 * files starting with `_`), as paths relative to `cwd`; `missing` lists paths that do not exist.
 *
 * @example
 * findScenarioFiles(["scenarios"], process.cwd()).files; // ["scenarios/ignore-deepinfra.yaml", …]
 */
export function findScenarioFiles(paths: readonly string[], cwd: string): { files: string[]; missing: string[] } {
  const out: string[] = [];
  const missing: string[] = [];
  for (const path of paths) {
    const absolute = resolve(cwd, path);
    let isDir: boolean;
    try {
      isDir = statSync(absolute).isDirectory();
    } catch {
      missing.push(path);
      continue;
    }
    if (!isDir) {
      out.push(displayPath(path, cwd));
      continue;
    }
    const found: string[] = [];
    walk(absolute, found);
    out.push(...found.map((f) => displayPath(f, cwd)));
  }
  return { files: [...new Set(out)], missing };
}
