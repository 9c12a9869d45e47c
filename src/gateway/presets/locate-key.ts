// Where a key sits in a YAML/JSON file, for warnings about a file that loaded fine (errors are
// located by load-config.ts). A key that cannot be found is reported at the top of the file.
import { yamlLibrary } from "../../core/yaml-library.js";

/**
 * `file:line:column` of the key at `path`, e.g. `presets/a.yaml:12:3` for ["provider", "sort"].
 *
 * @example
 * locateKey("presets/a.yaml", "provider:\n  sort: price\n", ["provider", "sort"]); // "presets/a.yaml:2:3"
 */
export function locateKey(file: string, text: string, path: readonly string[]): string {
  const { isMap, isScalar, LineCounter, parseDocument } = yamlLibrary();
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines });
  let node: unknown = doc.contents;
  let at = 0;
  for (const key of path) {
    if (!isMap(node)) break;
    const pair = node.items.find((item) => isScalar(item.key) && String(item.key.value) === key);
    if (!pair) break;
    if (isScalar(pair.key) && pair.key.range) at = pair.key.range[0];
    node = pair.value;
  }
  const pos = lines.linePos(at);
  return `${file}:${pos.line}:${pos.col}`;
}
