// Inline presets against the presets folder `diff` puts in place: the same slug defined in the
// scenario and in the folder. With `presets_dir` that is ambiguous (which version is under test?)
// and an error; without, the scenario never read a folder, so its inline preset wins and the
// folder's file is left out of a temporary copy.
import { cpSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { extname, join } from "node:path";
import { z } from "zod";
import { type ConfigIssue, parseConfig } from "../core/load-config.js";
import { PRESET_FILE_EXTENSIONS } from "../gateway/presets/load-preset-dir.js";

/** One inline preset whose slug a version's folder also defines. */
export interface InlineConflict {
  /** Index in the scenario's `presets`. */
  index: number;
  slug: string;
  /** The folder file(s) defining it, as `<version label>/<file name>`. */
  files: string[];
}

/**
 * Slug → file name of every preset file in `dir` (unreadable: empty; loading reports it).
 *
 * @example
 * folderPresetFiles("presets"); // Map { "support-chat" → "support-chat.yaml", … }
 */
export function folderPresetFiles(dir: string): Map<string, string> {
  let names: string[];
  try {
    names = readdirSync(dir).sort();
  } catch {
    return new Map();
  }
  const out = new Map<string, string>();
  for (const name of names) {
    const extension = extname(name).toLowerCase();
    if ((PRESET_FILE_EXTENSIONS as readonly string[]).includes(extension)) out.set(name.slice(0, -extension.length), name);
  }
  return out;
}

/**
 * Each conflict located at `presets[i].slug` of the scenario file, saying what to do.
 *
 * @example
 * conflictIssues("s.yaml", text, [{ index: 0, slug: "triage", files: ["--after presets-v2/triage.yaml"] }]);
 */
export function conflictIssues(file: string, text: string, conflicts: readonly InlineConflict[]): ConfigIssue[] {
  const located = parseConfig(
    file,
    text,
    z.unknown().superRefine((_, ctx) => {
      for (const c of conflicts) {
        ctx.addIssue({
          code: "custom",
          path: ["presets", c.index, "slug"],
          message:
            `preset "${c.slug}" is defined inline and in the presets folder diff uses for presets_dir (${c.files.join(", ")}): ` +
            "diff cannot tell which definition is under test; remove the inline preset to compare the folder's versions, or give it another slug",
        });
      }
    }),
  );
  return located.ok ? [] : located.issues;
}

/**
 * A temporary copy of the preset folder `dir` without the files of `slugs`.
 *
 * @example
 * const copy = folderWithout("presets", new Set(["support-chat"]));
 * try { loadScenario(file, { presetsDir: copy.dir }); } finally { copy.cleanup(); }
 */
export function folderWithout(dir: string, slugs: ReadonlySet<string>): { dir: string; cleanup(): void } {
  const copy = mkdtempSync(join(tmpdir(), "gateway-sim-diff-presets-"));
  for (const [slug, name] of folderPresetFiles(dir)) if (!slugs.has(slug)) cpSync(join(dir, name), join(copy, name));
  return { dir: copy, cleanup: () => rmSync(copy, { recursive: true, force: true }) };
}
