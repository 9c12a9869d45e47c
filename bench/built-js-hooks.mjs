// The resolve hook of built-js.mjs: a module resolved under `<root>/src/…(.ts|.js)` is loaded from
// `<root>/dist/….js` when that file exists (any root: `--compare` runs another revision's tree too).
import { existsSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const twins = new Map();

function builtTwin(url) {
  let twin = twins.get(url);
  if (twin === undefined) {
    const match = /^(.*)\/src\/(.*)\.(ts|js)$/.exec(fileURLToPath(url));
    const candidate = match ? `${match[1]}/dist/${match[2]}.js` : undefined;
    twin = candidate !== undefined && existsSync(candidate) ? pathToFileURL(candidate).href : null;
    twins.set(url, twin);
  }
  return twin;
}

export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  if (!resolved.url.startsWith("file:")) return resolved;
  const twin = builtTwin(resolved.url);
  return twin === null ? resolved : { ...resolved, url: twin, format: "module" };
}
