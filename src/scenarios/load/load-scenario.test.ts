import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { formatConfigIssue } from "../../core/load-config.js";
import { findScenarioFiles } from "./find-scenario-files.js";
import { loadScenario } from "./load-scenario.js";

function write(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "gateway-sim-load-"));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dir, path, ".."), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

function problems(dir: string, file = "s.yaml"): string[] {
  const loaded = loadScenario(join(dir, file));
  return loaded.ok ? [] : loaded.issues.map((i) => formatConfigIssue({ ...i, file: i.file.slice(dir.length + 1) }));
}

const NANO = "      openai/gpt-5.4-nano: { model: gpt-5.4-nano, price: { input: 0.05, output: 0.4 } }";

describe("loadScenario", () => {
  it("derives the catalog from the profiles, filling models from the referenced catalog", () => {
    const dir = write({ "s.yaml": `seed: 1\ncatalog: default\nproviders:\n  - id: openai\n  - id: acme\n    format: openai-chat\n    models:\n${NANO}\n` });
    const loaded = loadScenario(join(dir, "s.yaml"));
    if (!loaded.ok) throw new Error(loaded.issues.map(formatConfigIssue).join("\n"));
    expect(loaded.scenario.name).toBe("s");
    expect(loaded.scenario.catalog.models["openai/gpt-5.4-nano"]?.map((o) => o.provider)).toEqual(["openai", "acme"]);
    expect(loaded.scenario.catalog.models["openai/gpt-5.4-mini"]?.map((o) => o.provider)).toEqual(["openai"]);
    expect(loaded.scenario.catalog.providers.acme?.baseUrl).toBe("https://acme.gateway-sim.test/v1");
  });

  it("needs models when no catalog lists the provider", () => {
    const dir = write({ "s.yaml": "seed: 1\nproviders:\n  - id: openai\n" });
    expect(problems(dir)).toEqual(["s.yaml:3:5 providers[0].models: expected models (the scenario references no catalog)"]);
  });

  it("validates reconfigure fields against the provider's profile, and refuses fixed fields", () => {
    const dir = write({
      "s.yaml": `seed: 1\nproviders:\n  - id: openai\n    models:\n${NANO}\ntimeline:\n  - at: 1m\n    reconfigure: { provider: openai, latency: slow, base_url: "https://x.test" }\n`,
    });
    expect(problems(dir)).toEqual([
      's.yaml:8:47 timeline[0].reconfigure.latency: expected a duration such as "800ms", "1.5s", "10m" or "1h"; got "slow"',
      's.yaml:8:63 timeline[0].reconfigure.base_url: "base_url" cannot change during a run',
    ]);
  });

  it("reads presets from the presetsDir override instead of presets_dir, and reports a missing one", () => {
    const dir = write({
      "s.yaml": `seed: 1\npresets_dir: presets\nproviders:\n  - id: openai\n    models:\n${NANO}\ntraffic:\n  requests: [{ at: 0s, body: { model: "@triage", input: Hi } }]\n`,
      "presets/triage.yaml": "model: openai/gpt-5.4-nano\ntemperature: 0.1\n",
      "v2/triage.yaml": "model: openai/gpt-5.4-nano\ntemperature: 0.9\n",
    });
    const own = loadScenario(join(dir, "s.yaml"));
    const v2 = loadScenario(join(dir, "s.yaml"), { presetsDir: join(dir, "v2") });
    if (!own.ok || !v2.ok) throw new Error("both versions must load");
    expect(own.scenario.presets.map((p) => [p.slug, p.temperature])).toEqual([["triage", 0.1]]);
    expect(v2.scenario.presets.map((p) => [p.slug, p.temperature])).toEqual([["triage", 0.9]]);
    const missing = loadScenario(join(dir, "s.yaml"), { presetsDir: join(dir, "nope") });
    expect(missing.ok ? [] : missing.issues.map((i) => [i.file.slice(dir.length + 1), i.message])).toContainEqual(["nope", "presets folder not found"]);
  });

  it("reports problems inside referenced preset files and inline presets that clash with them", () => {
    const dir = write({
      "s.yaml": `seed: 1\npresets_dir: presets\npresets:\n  - slug: triage\nproviders:\n  - id: openai\n    models:\n${NANO}\ntimeline:\n  - at: 1m\n    swap_preset: { file: v2/triage.yaml }\n`,
      "presets/triage.yaml": "model: openai/gpt-5.4-nano\n",
      "v2/triage.yaml": "model: openai/gpt-5.4-nano\ntemprature: 1\n",
    });
    expect(problems(dir)).toEqual([
      's.yaml:4:11 presets[0].slug: preset "triage" is also defined in presets_dir; give the inline one another slug',
      'v2/triage.yaml:2:1 temprature: unknown field "temprature"; did you mean "temperature"?',
    ]);
  });

  it("rejects a file that is not a mapping", () => {
    const dir = write({ "s.yaml": "- just\n- a list\n" });
    expect(problems(dir)).toEqual(["s.yaml:1:1 expected a scenario: a mapping with seed, providers, traffic, expectations"]);
  });
});

describe("findScenarioFiles", () => {
  it("walks folders in a stable order, skipping snapshots, presets and _files", () => {
    const dir = write({
      "b.yaml": "",
      "a.json": "",
      "_shared.yaml": "",
      "notes.md": "",
      "incidents/z.yml": "",
      "__snapshots__/a.snap.json": "",
      "presets/p.yaml": "",
    });
    expect(findScenarioFiles([dir, join(dir, "missing")], dir)).toEqual({
      files: ["a.json", "b.yaml", "incidents/z.yml"],
      missing: [join(dir, "missing")],
    });
  });

  describe("one error per root cause, with a suggestion", () => {
    const scenario = (traffic: string, provider = "openai-eu") =>
      `seed: 1\ncatalog: default\npresets_dir: presets\nproviders:\n  - id: openai\n  - id: ${provider}\n${traffic}:\n  requests:\n    - { name: first, at: 0s, body: { preset: triage, input: hi } }\nexpectations:\n  - { name: e, request: first, selected_provider: openai }\n`;
    const preset = "model: openai/gpt-5.4-nano\n";

    it("a misspelt traffic key is one problem, not also unknown request names", () => {
      const dir = write({ "s.yaml": scenario("trafic"), "presets/triage.yaml": preset });
      expect(problems(dir)).toEqual(['s.yaml:7:1 trafic: unknown field "trafic"; did you mean "traffic"?']);
    });

    it("a misspelt provider id gets the catalog's closest id", () => {
      const dir = write({ "s.yaml": scenario("traffic", "openai-ue"), "presets/triage.yaml": preset });
      expect(problems(dir)).toEqual([`s.yaml:6:5 providers[1].models: expected models (the scenario's catalog lists no model for "openai-ue"; did you mean "openai-eu"?)`]);
    });

    it("a broken preset file is one problem, not also unknown presets where it is used", () => {
      const dir = write({ "s.yaml": scenario("traffic"), "presets/triage.yaml": "modle: openai/gpt-5.4-nano\n" });
      expect(problems(dir)).toEqual(['presets/triage.yaml:1:1 modle: unknown field "modle"; did you mean "model"?']);
    });

    it("a misspelt preset slug gets the closest slug", () => {
      const dir = write({ "s.yaml": scenario("traffic").replace("preset: triage", "preset: triag"), "presets/triage.yaml": preset });
      expect(problems(dir)).toEqual(['s.yaml:9:46 traffic.requests[0].body.preset: unknown preset "triag": expected one of "triage" (inline `presets` or `presets_dir`); did you mean "triage"?']);
    });
  });
});
