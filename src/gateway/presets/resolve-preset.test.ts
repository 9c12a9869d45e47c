import { describe, expect, it } from "vitest";
import { inlinePresetSchema } from "./preset-schema.js";
import { createPresetStore } from "./preset-store.js";
import { resolvePreset } from "./resolve-preset.js";

const store = createPresetStore([inlinePresetSchema.parse({ slug: "support-chat", model: "openai/gpt-5.4-nano" })]);

describe("resolvePreset", () => {
  it("finds a named preset and passes when none is named", () => {
    const found = resolvePreset({ preset: "support-chat", presetSource: "preset" }, store);
    expect(found.ok && found.preset?.model).toBe("openai/gpt-5.4-nano");
    expect(resolvePreset({ preset: undefined, presetSource: undefined }, store)).toEqual({ ok: true, preset: undefined });
  });

  it.each([
    ["preset", "preset"],
    ["model", "model"],
  ] as const)("answers an unknown slug named by %s with 400 preset_not_found at that path", (source, path) => {
    const result = resolvePreset({ preset: "release-sumary", presetSource: source }, store);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.status).toBe(400);
    expect(result.error.code).toBe("validation_error");
    expect(result.error.details).toEqual([{ path, keyword: "preset_not_found", message: 'unknown preset "release-sumary" (known presets: support-chat)' }]);
  });
});

describe("createPresetStore", () => {
  it("lists slugs sorted and refuses duplicates", () => {
    const a = inlinePresetSchema.parse({ slug: "b-preset" });
    const b = inlinePresetSchema.parse({ slug: "a-preset" });
    expect(createPresetStore([a, b]).list()).toEqual(["a-preset", "b-preset"]);
    expect(() => createPresetStore([a, a])).toThrow(/duplicate preset slug "b-preset"/);
  });
});
