// A scenario's own presets at a git revision: its inline `presets` and the presets its
// `swap_preset` events install (inline, or from a file next to it), read from the scenario file as
// that revision had it. `diff --before <rev>` compares these with today's, on today's traffic.
import { basename, dirname, extname, join, resolve } from "node:path";
import { z } from "zod";
import { type ConfigIssue, parseConfig } from "../core/load-config.js";
import { inlinePresetSchema, presetFileSchemaFor, type Preset } from "../gateway/presets/preset-schema.js";
import type { GitRunner } from "./preset-source.js";

/** Only the preset parts: the rest of the old file (traffic, timeline times) is not used. */
const presetPartsSchema = z.looseObject({
  presets: z.array(inlinePresetSchema).default([]),
  timeline: z.array(z.looseObject({ swap_preset: z.looseObject({ preset: inlinePresetSchema.optional(), file: z.string().optional() }).optional() })).default([]),
});

export type PresetsAtRevision =
  | { ok: true; found: false; label: string }
  | {
      ok: true;
      found: true;
      label: string;
      presets: Map<string, Preset>;
      /** Each `swap_preset` event's preset in timeline order; undefined: its file is not in the revision. */
      swaps: { slug: string; preset: Preset | undefined }[];
    }
  | { ok: false; issues: ConfigIssue[] };

/**
 * `git show <rev>:./<file>`, run in the file's folder so the path needs no repository root.
 * Undefined when the revision has no such file (a scenario added since).
 */
async function showAt(git: GitRunner, revision: string, file: string): Promise<string | undefined> {
  try {
    return await git(["show", `${revision}:./${basename(file)}`], dirname(resolve(file)));
  } catch {
    return undefined;
  }
}

/**
 * The scenario's inline presets by slug, and its swapped-in presets in timeline order, at `revision`.
 * Problems of the old file are located in `<rev>:<file>`.
 *
 * @example
 * const old = await presetsAtRevision("scenarios/rollout.yaml", "main", runGit);
 * if (old.ok && old.found) old.presets.get("support-chat");
 */
export async function presetsAtRevision(file: string, revision: string, git: GitRunner): Promise<PresetsAtRevision> {
  const label = `${revision}:${file}`;
  const text = await showAt(git, revision, file);
  if (text === undefined) return { ok: true, found: false, label };
  const parsed = parseConfig(label, text, presetPartsSchema);
  if (!parsed.ok) return parsed;
  const swaps: { slug: string; preset: Preset | undefined }[] = [];
  const issues: ConfigIssue[] = [];
  for (const event of parsed.value.timeline) {
    const swap = event.swap_preset;
    if (swap?.preset) swaps.push({ slug: swap.preset.slug, preset: swap.preset });
    else if (swap?.file !== undefined) {
      const path = join(dirname(file), swap.file);
      const slug = basename(path, extname(path));
      const presetText = await showAt(git, revision, path);
      if (presetText === undefined) {
        swaps.push({ slug, preset: undefined });
        continue;
      }
      const preset = parseConfig(`${revision}:${path}`, presetText, presetFileSchemaFor(slug));
      if (preset.ok) swaps.push({ slug, preset: preset.value });
      else issues.push(...preset.issues);
    }
  }
  if (issues.length > 0) return { ok: false, issues };
  return { ok: true, found: true, label, presets: new Map(parsed.value.presets.map((p) => [p.slug, p])), swaps };
}
