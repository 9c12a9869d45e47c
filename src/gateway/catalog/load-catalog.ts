// Reads a catalog file (YAML or JSON) into the Catalog routing works on; every problem comes back
// as a located issue (`file:line:col path: message`), never as an exception.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { loadConfigFile, type ConfigResult } from "../../core/load-config.js";
import { catalogFileSchema, type Catalog } from "./schema.js";

/** The built-in example catalog shipped with gateway-sim (`catalog/default.yaml`). */
export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL("../../../catalog/default.yaml", import.meta.url));

/** The built-in catalog as the build writes it beside this module in dist/ (see prebuiltCatalogJson). */
const PREBUILT_DEFAULT = new URL("./default-catalog.json", import.meta.url);

/** What the build writes: the catalog YAML's text and the validated catalog it reads as. */
interface PrebuiltCatalog {
  source: string;
  catalog: Catalog;
}

/**
 * Loads and validates one catalog file.
 *
 * @example
 * const result = loadCatalog("catalog/default.yaml");
 * if (!result.ok) throw new ConfigError(result.issues);
 * const offers = result.value.models["openai/gpt-5.4-nano"];
 */
export function loadCatalog(file: string): ConfigResult<Catalog> {
  return loadConfigFile(file, catalogFileSchema);
}

/**
 * Loads the built-in example catalog: from the build's prebuilt JSON when it was made from the YAML
 * as it is now (one JSON.parse instead of a YAML parse and a validation on every start), else from the YAML.
 *
 * @example
 * const catalog = loadDefaultCatalog();
 * if (catalog.ok) console.log(Object.keys(catalog.value.models));
 */
export function loadDefaultCatalog(): ConfigResult<Catalog> {
  const prebuilt = readPrebuiltCatalog(PREBUILT_DEFAULT, DEFAULT_CATALOG_PATH);
  return prebuilt === undefined ? loadCatalog(DEFAULT_CATALOG_PATH) : { ok: true, value: prebuilt };
}

/**
 * The prebuilt catalog at `json`, or undefined when there is none (src/, tests) or when `yamlFile`
 * no longer has the text it was built from: an edited YAML is never shadowed by a stale build.
 */
export function readPrebuiltCatalog(json: URL | string, yamlFile: string): Catalog | undefined {
  let prebuilt: PrebuiltCatalog;
  try {
    prebuilt = JSON.parse(readFileSync(json, "utf8")) as PrebuiltCatalog;
    return prebuilt.source === readFileSync(yamlFile, "utf8") ? prebuilt.catalog : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The prebuilt JSON for a valid catalog file (scripts/build.mjs writes the default one into dist/),
 * validated here by the same schema as at run time; undefined for an invalid file.
 *
 * @example
 * writeFileSync("dist/gateway/catalog/default-catalog.json", prebuiltCatalogJson(DEFAULT_CATALOG_PATH) ?? "");
 */
export function prebuiltCatalogJson(yamlFile: string): string | undefined {
  const loaded = loadCatalog(yamlFile);
  if (!loaded.ok) return undefined;
  const prebuilt: PrebuiltCatalog = { source: readFileSync(yamlFile, "utf8"), catalog: loaded.value };
  return JSON.stringify(prebuilt);
}
