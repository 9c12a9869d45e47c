// vitest globalSetup: the spawned-CLI tests run bin/gateway-sim.js, which runs dist/. Builds dist/
// first when it is missing or older than any file it is built from, so a fresh clone (or a branch
// that just added a command) tests the code it has, not a stale build.
import { spawnSync } from "node:child_process";
import { readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const STAMP = join(ROOT, "dist", ".build-stamp");
const INPUTS = ["src", "catalog", "package.json", "tsconfig.json", "tsconfig.build.json", "scripts"];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs; // a deleted file changes its folder's mtime
  for (const entry of readdirSync(path)) newest = Math.max(newest, newestMtime(join(path, entry)));
  return newest;
}

/** Why dist/ must be rebuilt, or undefined when it is up to date. */
export function staleReason(): string | undefined {
  let built: number;
  try {
    built = statSync(STAMP).mtimeMs;
  } catch {
    return "dist/ has not been built";
  }
  const newest = Math.max(...INPUTS.map((input) => newestMtime(join(ROOT, input))));
  return newest > built ? "src/ changed since the last build" : undefined;
}

export default function setup(): void {
  const reason = staleReason();
  if (reason === undefined) return;
  process.stdout.write(`gateway-sim tests: ${reason}; running npm run build …\n`);
  const result = spawnSync(process.execPath, [join(ROOT, "scripts", "build.mjs")], { cwd: ROOT, stdio: "inherit" });
  if (result.status !== 0) throw new Error("npm run build failed: the spawned-CLI tests cannot run (see the tsc errors above)");
}
