import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { formatConfigIssue } from "../../core/load-config.js";
import { loadPresetDir } from "./load-preset-dir.js";

let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "presets-"));
});

afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

function write(name: string, text: string): void {
  writeFileSync(join(dir, name), text);
}

function issuesOf(): string[] {
  const loaded = loadPresetDir(dir);
  if (loaded.ok) throw new Error("expected issues");
  return loaded.issues.map((issue) => formatConfigIssue(issue).replace(`${dir}/`, ""));
}

describe("loadPresetDir", () => {
  it("loads YAML and JSON presets by file name, ignoring other files", () => {
    write("support-chat.yaml", "model: openai/gpt-5.4-nano\nprovider:\n  sort: speed\n");
    write("bulk.json", JSON.stringify({ models: ["meta/llama-4-maverick"], temperature: 0 }));
    write("README.md", "# not a preset");
    const loaded = loadPresetDir(dir);
    if (!loaded.ok) throw new Error(loaded.issues.map(formatConfigIssue).join("\n"));
    expect(loaded.store.list()).toEqual(["bulk", "support-chat"]);
    expect(loaded.store.get("support-chat")).toMatchObject({ slug: "support-chat", model: "openai/gpt-5.4-nano", provider: { sort: "latency" } });
    expect(loaded.store.get("bulk")).toMatchObject({ models: ["meta/llama-4-maverick"], temperature: 0 });
  });

  it("warns, with file:line, about a provider.sort the reference's preset schema drops, naming routing_mode", () => {
    write("support-chat.yaml", "model: openai/gpt-5.4-nano\nprovider:\n  ignore: [groq]\n  sort: speed\n");
    write("ranked.yaml", "model: openai/gpt-5.4-nano\nrouting_mode: latency\n");
    const loaded = loadPresetDir(dir);
    if (!loaded.ok) throw new Error(loaded.issues.map(formatConfigIssue).join("\n"));
    expect(loaded.warnings).toHaveLength(1);
    expect(loaded.warnings[0]).toContain(`${join(dir, "support-chat.yaml")}:4:3 preset "support-chat": provider.sort is dropped`);
    expect(loaded.warnings[0]).toContain("routing_mode: latency");
    expect(loaded.store.get("support-chat")?.notes).toEqual(loaded.warnings);
    expect(loaded.store.get("ranked")).toMatchObject({ routingMode: "latency", notes: [] });
  });

  it("reports every problem of every file at once, each located", () => {
    write("a.yaml", "model: openai/gpt-5.4-nano\ntemperature: 5\nsystem_promt: hi\n");
    write("b.yaml", "provider:\n  sort: fastest\n  data_collection: deny\n");
    write("c.yaml", "models: [openai/*]\nmodel: anthropic/claude-opus-4.6\n");
    write("d.yaml", "slug: other\n");
    write("e.yaml", "temperature: [unclosed\n");
    expect(issuesOf()).toEqual([
      "a.yaml:2:14 temperature: Too big: expected number to be <=2",
      'a.yaml:3:1 system_promt: unknown field "system_promt"; did you mean "system_prompt"?',
      // Located at the value; the unsupported filter is named before the rest of `provider` is checked.
      'b.yaml:3:20 provider.data_collection: routing filter "data_collection" is not supported by the gateway',
      expect.stringMatching(/^c\.yaml:2:8 model: default model "anthropic\/claude-opus-4\.6" is outside/),
      'd.yaml:1:7 slug: slug "other" does not match the file name "d"',
      expect.stringMatching(/^e\.yaml:\d+:\d+ syntax error: /),
    ]);
  });

  it("rejects file names that are not slugs and two files for one slug", () => {
    write("Bad Name.yaml", "temperature: 1\n");
    write("dup.yaml", "temperature: 1\n");
    write("dup.json", "{}\n");
    const issues = issuesOf();
    expect(issues).toEqual([
      expect.stringMatching(/^Bad Name\.yaml:1:1 file name "Bad Name" is not a preset slug/),
      expect.stringMatching(/^dup\.yaml:1:1 preset "dup" is already defined by .*dup\.json$/),
    ]);
  });

  it("reports a missing folder as one issue", () => {
    const loaded = loadPresetDir(join(dir, "nope"));
    expect(loaded.ok).toBe(false);
    if (!loaded.ok) expect(loaded.issues).toEqual([expect.objectContaining({ message: "presets folder not found", line: 1, column: 1 })]);
  });

  it("loads an empty folder as an empty store", () => {
    mkdirSync(join(dir, "empty"));
    const loaded = loadPresetDir(join(dir, "empty"));
    expect(loaded.ok && loaded.store.list()).toEqual([]);
  });
});
