import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { formatConfigIssue } from "../../core/load-config.js";
import { DEFAULT_CATALOG_PATH, loadCatalog, loadDefaultCatalog, prebuiltCatalogJson, readPrebuiltCatalog } from "./load-catalog.js";

function writeTemp(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), "gateway-sim-catalog-"));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

const MALFORMED = `providers:
  openai:
    format: openai-chat
    base_url: https://api.openai.com/v1
models:
  openai/gpt-5.4-nano:
    offers:
      openai:
        model: gpt-5.4-nano
        price: { input: "cheap", output: 0.4 }
      openia:
        model: gpt-5.4-nano
        price: { input: 0.05, output: 0.4 }
`;

describe("loadCatalog", () => {
  it("reports a bad price type and an unknown provider together, each at its line and column", () => {
    const file = writeTemp("bad.yaml", MALFORMED);
    const result = loadCatalog(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.issues.map(formatConfigIssue);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(`${file}:10:25 models.openai/gpt-5.4-nano.offers.openai.price.input: Invalid input: expected number, received string`);
    expect(lines[1]).toBe(`${file}:12:9 models.openai/gpt-5.4-nano.offers.openia: unknown provider "openia": expected one of openai`);
  });

  it("reports an unknown field and a wrong wire format with their paths", () => {
    const file = writeTemp("fields.yaml", `providers:\n  acme:\n    format: grpc\n    base_url: https://acme.test\n    region: eu\nmodels: {}\n`);
    const result = loadCatalog(file);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const byPath = Object.fromEntries(result.issues.map((i) => [i.path, i]));
    expect(byPath["providers.acme.format"]?.line).toBe(3);
    expect(byPath["providers.acme.region"]?.message).toBe('unknown field "region"');
    expect(byPath["providers.acme.region"]?.line).toBe(5);
  });

  it("reports a missing file as one located issue", () => {
    const result = loadCatalog(join(tmpdir(), "gateway-sim-no-such-catalog.yaml"));
    expect(result).toMatchObject({ ok: false, issues: [{ line: 1, column: 1, message: "file not found" }] });
  });

  it("turns snake_case offers into camelCase Offer objects with provider format and base URL", () => {
    const file = writeTemp(
      "ok.yaml",
      `providers:\n  acme:\n    format: anthropic-messages\n    base_url: https://acme.test/\nmodels:\n  acme/m-1:\n    offers:\n      acme:\n        model: m-1-2026\n        price: { input: 1, output: 2 }\n        structured_output: false\n`,
    );
    const result = loadCatalog(file);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.models["acme/m-1"]).toEqual([
      expect.objectContaining({
        provider: "acme",
        model: "acme/m-1",
        providerModel: "m-1-2026",
        format: "anthropic-messages",
        baseUrl: "https://acme.test",
        structuredOutput: false,
        maxOutputTokens: 16_384,
        weight: 1,
      }),
    ]);
  });
});

describe("catalog/default.yaml", () => {
  const loaded = loadDefaultCatalog();
  if (!loaded.ok) throw new Error(loaded.issues.map(formatConfigIssue).join("\n"));
  const catalog = loaded.value;

  const SEEDED: Record<string, string[]> = {
    "anthropic/claude-opus-4.6": ["anthropic", "anthropic-us"],
    "anthropic/claude-sonnet-4.6": ["anthropic", "anthropic-us"],
    "openai/gpt-5.4-nano": ["openai", "openai-eu"],
    "openai/gpt-5.4-mini": ["openai", "openai-eu"],
    "meta/llama-4-maverick": ["deepinfra", "together", "groq"],
    "google/gemini-3.1-flash-lite": ["google-vertex", "google-vertex-eu", "google-ai-studio"],
  };

  it("offers every model the seeds name through every provider they name", () => {
    for (const [model, providers] of Object.entries(SEEDED)) {
      expect(
        catalog.models[model]?.map((o) => o.provider),
        model,
      ).toEqual(providers);
    }
  });

  it("uses the Anthropic wire format for anthropic* providers and OpenAI chat for the rest", () => {
    for (const [id, provider] of Object.entries(catalog.providers)) {
      expect(provider.format, id).toBe(id.startsWith("anthropic") ? "anthropic-messages" : "openai-chat");
    }
    expect(catalog.providers["openai-eu"]?.baseUrl).toBe("https://eu.api.openai.com/v1");
    expect(catalog.providers["anthropic-us"]?.baseUrl).toBe("https://us.api.anthropic.com");
  });

  it("keeps at least two structured-output offers per model and varies capabilities", () => {
    for (const [model, offers] of Object.entries(catalog.models)) {
      expect(offers.filter((o) => o.structuredOutput).length, model).toBeGreaterThanOrEqual(2);
    }
    const all = Object.values(catalog.models).flat();
    expect(all.some((o) => !o.structuredOutput)).toBe(true);
    expect(new Set(all.map((o) => o.maxOutputTokens)).size).toBeGreaterThan(2);
  });

  it("prices regional endpoints above their global twins and deepinfra cheapest for Maverick", () => {
    const price = (model: string, provider: string): number => {
      const offer = catalog.models[model]?.find((o) => o.provider === provider);
      return (offer?.price.input ?? Number.NaN) + (offer?.price.output ?? Number.NaN);
    };
    expect(price("anthropic/claude-opus-4.6", "anthropic-us") / price("anthropic/claude-opus-4.6", "anthropic")).toBeCloseTo(1.1, 5);
    expect(price("openai/gpt-5.4-nano", "openai-eu")).toBeGreaterThan(price("openai/gpt-5.4-nano", "openai"));
    expect(price("openai/gpt-5.4-mini", "openai-eu")).toBeGreaterThan(price("openai/gpt-5.4-mini", "openai"));
    const maverick = ["together", "groq"].map((p) => price("meta/llama-4-maverick", p));
    for (const other of maverick) expect(price("meta/llama-4-maverick", "deepinfra")).toBeLessThan(other);
  });
});

describe("the prebuilt default catalog", () => {
  const fromYaml = loadCatalog(DEFAULT_CATALOG_PATH);
  if (!fromYaml.ok) throw new Error(fromYaml.issues.map(formatConfigIssue).join("\n"));
  /** JSON has no `undefined`: the prebuilt catalog lacks the keys the schema sets to undefined. */
  const asJson = JSON.parse(JSON.stringify(fromYaml.value)) as unknown;

  it("in dist/ (written by npm run build) equals catalog/default.yaml parsed and validated", () => {
    const dist = fileURLToPath(new URL("../../../dist/gateway/catalog/default-catalog.json", import.meta.url));
    expect(readPrebuiltCatalog(dist, DEFAULT_CATALOG_PATH)).toStrictEqual(asJson);
  });

  it("is used only while the YAML still has the text it was built from", () => {
    const yaml = writeTemp(
      "catalog.yaml",
      MALFORMED.replace('"cheap"', "0.05").replace("openia:", "openai-2:").replace("providers:\n", "providers:\n  openai-2: { format: openai-chat, base_url: https://example.com/v1 }\n"),
    );
    const json = join(yaml, "..", "catalog.json");
    writeFileSync(json, prebuiltCatalogJson(yaml) ?? "");
    expect(readPrebuiltCatalog(json, yaml)?.models["openai/gpt-5.4-nano"]?.map((o) => o.provider)).toEqual(["openai", "openai-2"]);
    writeFileSync(yaml, `${MALFORMED}# edited\n`);
    expect(readPrebuiltCatalog(json, yaml)).toBeUndefined();
    expect(readPrebuiltCatalog(join(yaml, "..", "missing.json"), yaml)).toBeUndefined();
  });

  it("is not written for an invalid catalog", () => {
    expect(prebuiltCatalogJson(writeTemp("bad.yaml", MALFORMED))).toBeUndefined();
  });

  it("loadDefaultCatalog reads the same catalog with or without it", () => {
    const loaded = loadDefaultCatalog();
    expect(loaded.ok && JSON.parse(JSON.stringify(loaded.value))).toStrictEqual(asJson);
  });
});
