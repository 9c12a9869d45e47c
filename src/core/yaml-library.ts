// The `yaml` library (positions, comments, documents), loaded on first use: it is 70 CommonJS files
// that only the error path and the YAML writers need, so a valid file is read without it.
import { createRequire } from "node:module";

type YamlLibrary = typeof import("yaml");

const require = createRequire(import.meta.url);
let library: YamlLibrary | undefined;

/**
 * @example
 * const { parseDocument } = yamlLibrary();
 */
export function yamlLibrary(): YamlLibrary {
  library ??= require("yaml") as YamlLibrary;
  return library;
}
