// Finds a Chromium for the browser tests: CHROMIUM_PATH, Debian's, then playwright's cache. Without
// one a browser test skips with a note the summary reporter prints loudly; GATEWAY_SIM_REQUIRE_BROWSER=1
// (set by .ci/run) turns that skip into a failure, so CI always runs them.
import { existsSync, readdirSync } from "node:fs";
import { homedir } from "node:os";
import { join } from "node:path";
import type { TestContext } from "vitest";

/** Marks the note of a browser test skipped for want of Chromium (summary-reporter.ts looks for it). */
export const NO_CHROMIUM_NOTE = "no Chromium";
export const HOW_TO_RUN_BROWSER_TESTS = "to run them: apt-get install chromium, or set CHROMIUM_PATH to a Chrome/Chromium binary; GATEWAY_SIM_REQUIRE_BROWSER=1 makes a missing Chromium fail instead";

export interface ChromiumLookup {
  path: string | undefined;
  tried: string[];
}

function playwrightCandidates(env: NodeJS.ProcessEnv): string[] {
  const root = env.PLAYWRIGHT_BROWSERS_PATH ?? join(homedir(), ".cache", "ms-playwright");
  let entries: string[];
  try {
    entries = readdirSync(root).sort().reverse(); // newest revision first
  } catch {
    return [join(root, "chromium-*")];
  }
  return entries.flatMap((entry) =>
    entry.startsWith("chromium_headless_shell-") ? [join(root, entry, "chrome-linux", "headless_shell")] : entry.startsWith("chromium-") ? [join(root, entry, "chrome-linux", "chrome")] : [],
  );
}

/** Where Chromium is. A set CHROMIUM_PATH is the only place looked at, so it can also point nowhere to test the skip. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): ChromiumLookup {
  const candidates = env.CHROMIUM_PATH ? [env.CHROMIUM_PATH] : ["/usr/bin/chromium", "/usr/bin/chromium-browser", ...playwrightCandidates(env)];
  return { path: candidates.find((candidate) => existsSync(candidate)), tried: env.CHROMIUM_PATH ? [`CHROMIUM_PATH=${env.CHROMIUM_PATH}`] : candidates };
}

/**
 * The Chromium binary for a browser test; skips the test (or fails it under GATEWAY_SIM_REQUIRE_BROWSER=1) without one.
 *
 * @example
 * it("opens the report", async (ctx) => { const executablePath = chromiumFor(ctx); … });
 */
export function chromiumFor(ctx: Pick<TestContext, "skip">, env: NodeJS.ProcessEnv = process.env): string {
  const { path, tried } = findChromium(env);
  if (path !== undefined) return path;
  const why = `${NO_CHROMIUM_NOTE} (tried ${tried.join(", ")})`;
  if (env.GATEWAY_SIM_REQUIRE_BROWSER === "1") throw new Error(`${why}; GATEWAY_SIM_REQUIRE_BROWSER=1 requires the browser tests to run. ${HOW_TO_RUN_BROWSER_TESTS}`);
  return ctx.skip(why);
}
