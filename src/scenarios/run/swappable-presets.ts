// A preset store whose presets a timeline can replace mid-run (`swap_preset`), the way a team
// rolls out a new preset version while traffic flows.
import type { Preset } from "../../gateway/presets/preset-schema.js";
import type { PresetStore } from "../../gateway/presets/preset-store.js";

export interface SwappablePresetStore extends PresetStore {
  /** Installs `preset` under its slug, replacing any earlier version. */
  swap(preset: Preset): void;
}

/**
 * @example
 * const presets = createSwappablePresetStore(loaded.presets);
 * clock.schedule(60_000, () => presets.swap(v2));
 */
export function createSwappablePresetStore(initial: readonly Preset[]): SwappablePresetStore {
  const bySlug = new Map(initial.map((p) => [p.slug, p]));
  return {
    get: (slug) => bySlug.get(slug),
    list: () => [...bySlug.keys()].sort(),
    swap(preset) {
      bySlug.set(preset.slug, preset);
    },
  };
}
