// Where the gateway looks presets up by slug. Filled from a folder (load-preset-dir.ts) or from
// presets written inline in a scenario.
import type { Preset } from "./preset-schema.js";

export interface PresetStore {
  get(slug: string): Preset | undefined;
  /** Every slug, sorted. */
  list(): string[];
}

/**
 * A store over the given presets. Two presets with one slug are a programming error (a folder or
 * scenario loader reports them as located issues before it gets here), so this throws.
 *
 * @example
 * const store = createPresetStore([inlinePresetSchema.parse({ slug: "support-chat", model: "openai/gpt-5.4-nano" })]);
 * store.get("support-chat")?.model; // "openai/gpt-5.4-nano"
 */
export function createPresetStore(presets: readonly Preset[]): PresetStore {
  const bySlug = new Map<string, Preset>();
  for (const preset of presets) {
    if (bySlug.has(preset.slug)) throw new Error(`duplicate preset slug "${preset.slug}"`);
    bySlug.set(preset.slug, preset);
  }
  const slugs = [...bySlug.keys()].sort();
  return {
    get: (slug) => bySlug.get(slug),
    list: () => [...slugs],
  };
}
