// `--import ./bench/built-js.mjs` (after tsx): the bench measures the JavaScript users run. Builds
// dist/ when it is missing or older than src/, then sends every import of a module under src/ to its
// compiled twin under dist/ (tsx still runs the bench's own TypeScript). Under tsx the same code runs
// slower than tsc's output: esbuild's keepNames wraps every function created per call in a helper.
import { spawnSync } from "node:child_process";
import { register } from "node:module";
import { fileURLToPath } from "node:url";
import { staleReason } from "../test/support/global-setup.js";

if (process.env.GATEWAY_SIM_BENCH_SOURCE !== "1") {
  const reason = staleReason();
  if (reason !== undefined) {
    console.log(`(${reason}: building dist/ first, the bench measures the built JavaScript)`);
    const build = spawnSync(process.execPath, [fileURLToPath(new URL("../scripts/build.mjs", import.meta.url))], { stdio: "inherit" });
    if (build.status !== 0) throw new Error("npm run build failed");
  }
  register("./built-js-hooks.mjs", import.meta.url);
}
