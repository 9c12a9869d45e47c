// Puts a revision's versions of a scenario's own presets (inline and swapped in) into the scenario
// as loaded today: same traffic, timeline and folder presets, the revision's preset definitions.
import type { Preset } from "../gateway/presets/preset-schema.js";
import type { LoadedScenario } from "../scenarios/load/loaded-scenario.js";
import type { PresetsAtRevision } from "./presets-at-revision.js";

type Found = Extract<PresetsAtRevision, { found: true }>;

/** Today's swap events' presets, each replaced by the same slug's same-numbered swap at the revision. */
function swapsAt(scenario: LoadedScenario, at: Found, notes: string[], side: string): Map<number, Preset> {
  const swaps = new Map<number, Preset>();
  const seen = new Map<string, number>();
  for (const [index, preset] of [...scenario.swapPresets.entries()].sort(([a], [b]) => a - b)) {
    const occurrence = seen.get(preset.slug) ?? 0;
    seen.set(preset.slug, occurrence + 1);
    const old = at.swaps.filter((s) => s.slug === preset.slug)[occurrence]?.preset;
    if (!old) notes.push(`${side}: ${at.label} has no swap_preset #${occurrence + 1} of "${preset.slug}"; it swaps in the preset as defined now`);
    swaps.set(index, old ?? preset);
  }
  return swaps;
}

/**
 * `side` (`--before`/`--after`) names the version in the notes, which say what the revision lacked
 * (a preset added since runs as defined now on both sides).
 *
 * @example
 * const { scenario, notes } = withRevisionPresets(loaded, await presetsAtRevision(file, "main", runGit), "--before");
 */
export function withRevisionPresets(scenario: LoadedScenario, at: Found, side: string): { scenario: LoadedScenario; notes: string[] } {
  const notes: string[] = [];
  const inline = new Set(scenario.spec.presets.map((p) => p.slug));
  const presets = scenario.presets.map((p) => {
    if (!inline.has(p.slug)) return p;
    const old = at.presets.get(p.slug);
    if (!old) notes.push(`${side}: preset "${p.slug}" is not inline in ${at.label}; it runs as defined now`);
    return old ?? p;
  });
  return { scenario: { ...scenario, presets, swapPresets: swapsAt(scenario, at, notes, side) }, notes };
}
