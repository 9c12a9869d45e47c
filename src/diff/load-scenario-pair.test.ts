import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatConfigIssue } from "../core/load-config.js";
import type { Preset } from "../gateway/presets/preset-schema.js";
import { type DiffSide, loadScenarioPair } from "./load-scenario-pair.js";
import type { GitRunner } from "./preset-source.js";

let dir: string;
const v1: DiffSide = { dir: "", label: "presets-v1" };
const v2: DiffSide = { dir: "", label: "presets-v2" };

/** A scenario sending `@triage` and `@support` traffic; `head` holds its preset fields. */
function scenario(name: string, head: string[]): string {
  const file = join(dir, name);
  writeFileSync(
    file,
    [
      "seed: 5",
      "catalog: default",
      ...head,
      "providers: [{ id: openai }, { id: openai-eu }]",
      "traffic:",
      "  load:",
      '    - { name: t, duration: 1m, rate: 1, templates: [{ body: { model: "@triage", input: "x" } }, { body: { model: "@support", input: "y" } }] }',
      "",
    ].join("\n"),
  );
  return file;
}

/** A fake git holding one revision `v0` of the files in `tree` (path relative to the scenario folder). */
function gitWith(tree: Record<string, string>): GitRunner {
  return async (args) => {
    const [command, spec] = args;
    const [rev, path] = (spec ?? "").split(":./");
    const text = command === "show" && rev === "v0" && path !== undefined ? tree[path] : undefined;
    if (text === undefined) throw new Error(`fatal: path '${path ?? ""}' does not exist in '${rev ?? ""}'`);
    return text;
  };
}

const sortOf = (presets: readonly Preset[], slug: string): unknown => presets.find((p) => p.slug === slug)?.provider?.sort;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "diff-pair-"));
  for (const [side, sort] of [
    [v1, "price"],
    [v2, "latency"],
  ] as const) {
    side.dir = join(dir, side.label);
    mkdirSync(side.dir);
    writeFileSync(join(side.dir, "triage.yaml"), `model: openai/gpt-5.4-nano\nprovider: { sort: ${sort} }\n`);
    writeFileSync(join(side.dir, "support.yaml"), "model: openai/gpt-5.4-nano\n");
  }
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("loadScenarioPair", () => {
  it("refuses an inline preset the folder standing in for presets_dir also defines, located, naming both files", async () => {
    const file = scenario("with-dir.yaml", ["presets_dir: presets-v1", "presets:", "  - { slug: support, model: openai/gpt-5.4-nano }"]);
    const pair = await loadScenarioPair(file, { before: v1, after: v2 });
    expect(pair.ok ? [] : pair.issues.map(formatConfigIssue)).toEqual([
      `${file}:5:13 presets[0].slug: preset "support" is defined inline and in the presets folder diff uses for presets_dir ` +
        "(--before presets-v1/support.yaml, --after presets-v2/support.yaml): diff cannot tell which definition is under test; " +
        "remove the inline preset to compare the folder's versions, or give it another slug",
    ]);
  });

  it("lets a scenario without presets_dir keep its inline preset, takes the rest from each folder, and says so", async () => {
    const file = scenario("no-dir.yaml", ["presets:", "  - { slug: support, model: openai/gpt-5.4-nano, provider: { sort: throughput } }"]);
    const pair = await loadScenarioPair(file, { before: v1, after: v2 });
    if (!pair.ok) throw new Error(pair.issues.map(formatConfigIssue).join("\n"));
    expect([sortOf(pair.before.presets, "support"), sortOf(pair.after.presets, "support")]).toEqual(["throughput", "throughput"]);
    expect([sortOf(pair.before.presets, "triage"), sortOf(pair.after.presets, "triage")]).toEqual(["price", "latency"]);
    expect(pair.notes).toEqual([
      'preset "support" is defined inline and the scenario has no presets_dir: its inline definition runs, not --before presets-v1/support.yaml ' +
        "or --after presets-v2/support.yaml (compare git revisions to diff the inline one)",
    ]);
  });

  it("reads the inline and swapped-in presets of a git revision from the scenario file at that revision", async () => {
    const inline = (sort: string) => [`presets:`, `  - { slug: chat, model: openai/gpt-5.4-nano, provider: { sort: ${sort} } }`];
    const swap = (sort: string) => ["timeline:", `  - { at: 30s, swap_preset: { preset: { slug: chat, model: openai/gpt-5.4-nano, provider: { sort: ${sort} } } } }`];
    const file = scenario("rollout.yaml", [...inline("latency"), ...swap("throughput")]);
    const old = [...inline("price"), ...swap("latency"), "traffic: { requests: [] }"].join("\n");
    const before: DiffSide = { ...v1, label: "v0:presets", revision: "v0" };
    const pair = await loadScenarioPair(file, { before, after: v2 }, gitWith({ "rollout.yaml": old }));
    if (!pair.ok) throw new Error(pair.issues.map(formatConfigIssue).join("\n"));
    expect([sortOf(pair.before.presets, "chat"), sortOf(pair.after.presets, "chat")]).toEqual(["price", "latency"]);
    expect([pair.before.swapPresets.get(0)?.provider?.sort, pair.after.swapPresets.get(0)?.provider?.sort]).toEqual(["latency", "throughput"]);
    // Today's traffic on both sides.
    expect(pair.before.spec.traffic).toEqual(pair.after.spec.traffic);
    expect(pair.notes).toEqual([]);
  });

  it("runs presets the revision did not have as they are now, and says so", async () => {
    const file = scenario("new.yaml", ["presets:", "  - { slug: chat, model: openai/gpt-5.4-nano }"]);
    const before: DiffSide = { ...v1, revision: "v0" };
    const absent = await loadScenarioPair(file, { before, after: v2 }, gitWith({}));
    expect(absent.ok && absent.notes).toEqual([`--before: ${file} is not in v0; its own presets run as defined now`]);
    const renamed = await loadScenarioPair(file, { before, after: v2 }, gitWith({ "new.yaml": "presets: [{ slug: other, model: openai/gpt-5.4-nano }]\n" }));
    expect(renamed.ok && renamed.notes).toEqual([`--before: preset "chat" is not inline in v0:${file}; it runs as defined now`]);
  });

  it("locates problems of the old file in <rev>:<file>", async () => {
    const file = scenario("broken-then.yaml", ["presets:", "  - { slug: support, model: openai/gpt-5.4-nano }"]);
    const old = "presets:\n  - { slug: support, model: openai/gpt-5.4-nano, routing_mode: fastest }\n";
    const pair = await loadScenarioPair(file, { before: { ...v1, revision: "v0" }, after: v2 }, gitWith({ "broken-then.yaml": old }));
    expect(pair.ok ? [] : pair.issues.map(formatConfigIssue)).toEqual([expect.stringMatching(new RegExp(`^v0:${file}:2:\\d+ presets\\[0\\]\\.routing_mode: `))]);
  });
});
