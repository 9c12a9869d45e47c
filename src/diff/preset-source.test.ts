import { existsSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type GitRunner, resolvePresetSource } from "./preset-source.js";

/** A fake git: one revision `v1` holding presets/triage.yaml and a nested file. */
const git: GitRunner = async (args) => {
  const [command, ...rest] = args;
  if (command === "ls-tree" && rest.includes("v1")) return "presets/triage.yaml\npresets/old/nested.yaml\npresets/README.md\n";
  if (command === "show" && rest[0] === "v1:presets/triage.yaml") return "model: openai/gpt-5.4-nano\n";
  throw new Error(`fatal: Not a valid object name ${rest.find((a) => !a.startsWith("-")) ?? ""}`);
};

describe("resolvePresetSource", () => {
  it("uses an existing folder as is", async () => {
    const cwd = mkdtempSync(join(tmpdir(), "preset-source-"));
    const source = await resolvePresetSource(".", { cwd, presetsPath: "presets", git });
    expect(source.ok && source.dir).toBe(join(cwd, "."));
  });

  it("writes a git revision's preset files (top level, YAML only) to a temporary folder", async () => {
    const source = await resolvePresetSource("v1", { cwd: tmpdir(), presetsPath: "presets", git });
    if (!source.ok) throw new Error(source.message);
    expect(source.label).toBe("v1:presets");
    expect(source.revision).toBe("v1");
    expect(readFileSync(join(source.dir, "triage.yaml"), "utf8")).toBe("model: openai/gpt-5.4-nano\n");
    expect(existsSync(join(source.dir, "nested.yaml"))).toBe(false);
    source.cleanup();
    expect(existsSync(source.dir)).toBe(false);
  });

  it("explains an unknown revision with git's own message", async () => {
    const source = await resolvePresetSource("nope", { cwd: tmpdir(), presetsPath: "presets", git });
    expect(source).toEqual({ ok: false, message: '"nope" is neither a folder nor a git revision: fatal: Not a valid object name nope' });
  });
});
