// The presets `swap_preset` timeline events install: inline, or read from a preset file whose
// name is the slug (problems located in that file).
import { basename, extname, join } from "node:path";
import { type ConfigIssue, loadConfigFile } from "../../core/load-config.js";
import { presetFileSchemaFor, type Preset } from "../../gateway/presets/preset-schema.js";
import type { ScenarioFile } from "../schema/scenario.js";

/**
 * @example
 * const { presets, issues } = loadSwapPresets(spec, "scenarios");
 */
export function loadSwapPresets(spec: ScenarioFile, dir: string): { presets: Map<number, Preset>; issues: ConfigIssue[] } {
  const presets = new Map<number, Preset>();
  const issues: ConfigIssue[] = [];
  spec.timeline.forEach((event, i) => {
    const swap = event.swap_preset;
    if (!swap) return;
    if (swap.preset) {
      presets.set(i, swap.preset);
      return;
    }
    if (swap.file === undefined) return;
    const path = join(dir, swap.file);
    const loaded = loadConfigFile(path, presetFileSchemaFor(basename(path, extname(path))));
    // A missing file is reported at the event by the cross-reference checks.
    if (loaded.ok) presets.set(i, loaded.value);
    else if (!loaded.issues.every((x) => x.message === "file not found")) issues.push(...loaded.issues);
  });
  return { presets, issues };
}
