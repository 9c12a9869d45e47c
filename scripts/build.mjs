// `npm run build` (and prepare/prepack): compiles src/ to dist/ with tsc (JavaScript, .d.ts, source
// maps), copies the non-TypeScript files the code reads at run time beside their modules, prebuilds
// the default catalog as JSON, bundles the CLI's start-up path (cli-bundle.mjs), and writes
// dist/.build-stamp last, so a half-finished build is never mistaken for a fresh one
// (test/support/global-setup.ts).
import { spawnSync } from "node:child_process";
import { cpSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { bundleCli } from "./cli-bundle.mjs";

const root = fileURLToPath(new URL("../", import.meta.url));
const dist = fileURLToPath(new URL("../dist/", import.meta.url));

/** Non-TS assets read at run time through `import.meta.url`, relative to src/ and dist/ alike. */
export const ASSET_DIRS = ["report-html/client"];

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve("typescript/bin/tsc");
const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: root, stdio: "inherit" });
if (result.status !== 0) {
  console.error("gateway-sim build: tsc failed (see above)");
  process.exit(result.status ?? 1);
}
for (const dir of ASSET_DIRS) cpSync(new URL(`../src/${dir}/`, import.meta.url), new URL(`../dist/${dir}/`, import.meta.url), { recursive: true });
// The default catalog, validated now and read at run time with one JSON.parse (loadDefaultCatalog).
const { DEFAULT_CATALOG_PATH, prebuiltCatalogJson } = await import("../dist/gateway/catalog/load-catalog.js");
const catalogJson = prebuiltCatalogJson(DEFAULT_CATALOG_PATH);
if (catalogJson === undefined) {
  console.error("gateway-sim build: catalog/default.yaml is invalid (see `gateway-sim validate` on a scenario that uses it)");
  process.exit(1);
}
writeFileSync(new URL("../dist/gateway/catalog/default-catalog.json", import.meta.url), catalogJson);
await bundleCli(root);
writeFileSync(new URL("../dist/.build-stamp", import.meta.url), `${new Date().toISOString()}\n`);
