// Loads a presets folder (one `<slug>.yaml|.yml|.json` per preset) and reports every problem of
// every file at once, each located `file:line:col`.
import { readdirSync, readFileSync } from "node:fs";
import { extname, join } from "node:path";
import { loadConfigFile, type ConfigIssue } from "../../core/load-config.js";
import { PRESET_SLUG_PATTERN } from "../request/model-reference.js";
import { locateKey } from "./locate-key.js";
import { ignoredProviderFieldsNote, presetFileSchemaFor, type Preset } from "./preset-schema.js";
import { createPresetStore, type PresetStore } from "./preset-store.js";

export const PRESET_FILE_EXTENSIONS = [".yaml", ".yml", ".json"] as const;

/** `warnings`: presets that load but hold fields the reference gateway drops (also kept on each preset's `notes`). */
export type LoadPresetDirResult = { ok: true; store: PresetStore; warnings: string[] } | { ok: false; issues: ConfigIssue[] };

/**
 * Other files in the folder (a README, say) are ignored.
 *
 * @example
 * const loaded = loadPresetDir("presets");
 * if (!loaded.ok) console.error(loaded.issues.map(formatConfigIssue).join("\n"));
 */
export function loadPresetDir(dir: string): LoadPresetDirResult {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const message = code === "ENOENT" ? "presets folder not found" : code === "ENOTDIR" ? "not a folder" : String(error);
    return { ok: false, issues: [{ file: dir, line: 1, column: 1, path: "", message }] };
  }
  const issues: ConfigIssue[] = [];
  const presets: Preset[] = [];
  const firstFileOf = new Map<string, string>();
  for (const name of names) {
    const extension = extname(name).toLowerCase();
    if (!(PRESET_FILE_EXTENSIONS as readonly string[]).includes(extension)) continue;
    const file = join(dir, name);
    const slug = name.slice(0, -extension.length);
    const problem = slugProblem(slug, firstFileOf.get(slug));
    if (problem) {
      issues.push({ file, line: 1, column: 1, path: "", message: problem });
      continue;
    }
    firstFileOf.set(slug, file);
    const loaded = loadConfigFile(file, presetFileSchemaFor(slug));
    if (loaded.ok) presets.push(locateNotes(file, loaded.value));
    else issues.push(...loaded.issues);
  }
  return issues.length > 0 ? { ok: false, issues } : { ok: true, store: createPresetStore(presets), warnings: presets.flatMap((p) => p.notes) };
}

/** Rewrites the preset's load note with the file:line of its first dropped provider key. */
function locateNotes(file: string, preset: Preset): Preset {
  const first = preset.ignoredProviderFields[0];
  if (first === undefined) return preset;
  const where = locateKey(file, readFileSync(file, "utf8"), ["provider", first]);
  const note = ignoredProviderFieldsNote(preset, where);
  return { ...preset, notes: note === undefined ? [] : [note] };
}

function slugProblem(slug: string, earlierFile: string | undefined): string | undefined {
  if (!PRESET_SLUG_PATTERN.test(slug)) return `file name "${slug}" is not a preset slug (lowercase letters, digits, "-" and "_")`;
  if (earlierFile !== undefined) return `preset "${slug}" is already defined by ${earlierFile}`;
  return undefined;
}
