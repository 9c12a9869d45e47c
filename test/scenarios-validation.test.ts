// Malformed scenario files: every problem comes back located (file:line:column path: message),
// all problems of a file at once, and nothing throws.
import { describe, expect, it } from "vitest";
import { formatConfigIssue } from "../src/core/load-config.js";
import { loadScenario } from "../src/scenarios/load/load-scenario.js";

const dir = "test/fixtures/bad-scenarios";

function problems(file: string, from = dir): string[] {
  const loaded = loadScenario(`${from}/${file}`);
  if (loaded.ok) throw new Error(`${file} unexpectedly loaded`);
  return loaded.issues.map(formatConfigIssue);
}

describe("malformed scenarios", () => {
  it("wrong types", () => {
    expect(problems("wrong-types.yaml")).toEqual([
      `${dir}/wrong-types.yaml:7:23 providers[0].capacity.max_concurrent: expected number, received string`,
      `${dir}/wrong-types.yaml:12:15 traffic.requests[0].repeat: expected number, received string`,
      `${dir}/wrong-types.yaml:20:31 expectations[0].client_error_rate.max: expected number to be <=1`,
    ]);
  });

  it("unknown providers in traffic, timeline and expectations", () => {
    const known = `expected one of the scenario's providers "openai" or "openai-eu"`;
    expect(problems("unknown-provider.yaml")).toEqual([
      `${dir}/unknown-provider.yaml:14:26 traffic.requests[0].body.provider.only[1]: unknown provider "openia": ${known}; did you mean "openai"?`,
      `${dir}/unknown-provider.yaml:18:26 timeline[0].degrade.provider: unknown provider "azure": ${known}`,
      `${dir}/unknown-provider.yaml:22:24 expectations[0].selected_provider: unknown provider "open-ai": ${known}; did you mean "openai"?`,
    ]);
  });

  it("unknown fields, each at its key", () => {
    expect(problems("unknown-field.yaml")).toEqual([
      `${dir}/unknown-field.yaml:6:5 providers[0].latncy: unknown field "latncy"; did you mean "latency"?`,
      `${dir}/unknown-field.yaml:10:7 traffic.requests[0].delay: unknown field "delay"`,
      `${dir}/unknown-field.yaml:14:5 expectations[0].expect_provider: unknown field "expect_provider"`,
    ]);
  });

  it("bad durations in a profile, the traffic and an expectation", () => {
    const expected = 'expected a duration such as "800ms", "1.5s", "10m" or "1h"';
    expect(problems("bad-duration.yaml")).toEqual([
      `${dir}/bad-duration.yaml:6:14 providers[0].latency: ${expected}; got "3 seconds"`,
      `${dir}/bad-duration.yaml:9:11 traffic.requests[0].at: ${expected}; got "soon"`,
      `${dir}/bad-duration.yaml:14:28 expectations[0].latency.total.p95.max: ${expected}; got "1 minute"`,
    ]);
  });

  // Usage records are keyed by id: a request `id` (replay keeps the logged ones) is given once.
  it("request ids given twice, or to a repeated request", () => {
    expect(problems("request-ids.yaml")).toEqual([
      `${dir}/request-ids.yaml:12:11 traffic.requests[1].id: id "G-replayed-1" is already given to requests[0]: ids are unique`,
      `${dir}/request-ids.yaml:15:11 traffic.requests[2].id: a request with an id is sent once: remove repeat (2) or the id`,
    ]);
  });

  it("response cache bounds that are not whole numbers of at least 1, each naming what is expected", () => {
    // Not in bad-scenarios/, whose file count other tests state.
    const settingsDir = "test/fixtures/bad-settings";
    expect(problems("cache-bounds.yaml", settingsDir)).toEqual([
      `${settingsDir}/cache-bounds.yaml:8:17 settings.cache.maxEntries: expected a whole number of entries, at least 1 (default 1000)`,
      `${settingsDir}/cache-bounds.yaml:9:15 settings.cache.maxBytes: expected a whole number of bytes, at least 1 (default 67108864, 64 MiB)`,
    ]);
  });

  it("a YAML syntax error", () => {
    const found = problems("yaml-syntax.yaml");
    expect(found.length).toBeGreaterThan(0);
    for (const line of found) expect(line).toMatch(new RegExp(`^${dir}/yaml-syntax\\.yaml:\\d+:\\d+ syntax error: `));
    expect(found.join("\n")).toContain('Missing closing "quote');
  });

  it("preset references that do not exist, inline or in presets_dir", () => {
    const known = 'expected one of "triage" (inline `presets` or `presets_dir`)';
    expect(problems("missing-preset.yaml")).toEqual([
      `${dir}/missing-preset.yaml:4:14 presets_dir: presets folder not found: ${dir}/no-such-presets`,
      `${dir}/missing-preset.yaml:15:17 traffic.requests[0].body.preset: unknown preset "release-summary": ${known}`,
      `${dir}/missing-preset.yaml:19:16 traffic.requests[1].body.model: unknown preset "relase-summary": ${known}`,
    ]);
  });

  it("reports every problem of a JSON file at once, schema and cross-reference problems together", () => {
    const found = problems("many-problems.json");
    expect(found).toHaveLength(11);
    expect(found.map((l) => l.replace(/^[^ ]+ /, "").split(":")[0])).toEqual([
      "providers[0].latency",
      "providers[1].capacity.max_concurrent",
      "traffic.requests[0].body.provider.ignore[0]",
      "traffic.load[0]",
      "traffic.load[0].templates[0].body.input",
      "timeline[0]",
      "timeline[0].swap_preset.file",
      "expectations[0].request",
      "expectations[0].colour",
      "expectations[1].name",
      "expectations[1].failover.incident",
    ]);
    expect(found[3]).toContain("expected exactly one of `count` or `rate`");
    expect(found[4]).toContain("cannot render faker placeholder");
  });

  it("a missing file is one located problem", () => {
    expect(problems("does-not-exist.yaml")).toEqual([`${dir}/does-not-exist.yaml:1:1 file not found`]);
  });
});
