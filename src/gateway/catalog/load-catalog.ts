// Reads a catalog file (YAML or JSON) into the Catalog routing works on; every problem comes back
// as a located issue (`file:line:col path: message`), never as an exception.
import { fileURLToPath } from "node:url";
import { loadConfigFile, type ConfigResult } from "../../core/load-config.js";
import { catalogFileSchema, type Catalog } from "./schema.js";

/** The built-in example catalog shipped with gateway-sim (`catalog/default.yaml`). */
export const DEFAULT_CATALOG_PATH = fileURLToPath(new URL("../../../catalog/default.yaml", import.meta.url));

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
 * Loads the built-in example catalog.
 *
 * @example
 * const catalog = loadDefaultCatalog();
 * if (catalog.ok) console.log(Object.keys(catalog.value.models));
 */
export function loadDefaultCatalog(): ConfigResult<Catalog> {
  return loadCatalog(DEFAULT_CATALOG_PATH);
}
