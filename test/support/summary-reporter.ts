// Prints the plain closing line CI reads ("N passed, N failed, N skipped") after vitest's own report,
// preceded by a loud list of browser tests skipped for want of Chromium and how to run them.
import type { Reporter, TestCase, TestModule } from "vitest/node";
import { HOW_TO_RUN_BROWSER_TESTS, NO_CHROMIUM_NOTE } from "./chromium.js";

function skipNote(test: TestCase): string | undefined {
  const result = test.result();
  return result.state === "skipped" ? result.note : undefined;
}

export default class SummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>, unhandledErrors: ReadonlyArray<unknown>): void {
    let passed = 0;
    let failed = unhandledErrors.length;
    let skipped = 0;
    const noBrowser: string[] = [];
    let why = "";
    for (const module of testModules) {
      // A file that failed to load has no tests but must not pass silently.
      if (module.state() === "failed" && [...module.children.allTests()].length === 0) failed++;
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed++;
        else if (state === "failed") failed++;
        else skipped++;
        const note = skipNote(test);
        if (note?.startsWith(NO_CHROMIUM_NOTE)) {
          noBrowser.push(`${module.moduleId.replace(`${process.cwd()}/`, "")} > ${test.fullName}`);
          why = note;
        }
      }
    }
    if (noBrowser.length > 0) {
      const lines = [`!!! SKIPPED ${noBrowser.length} browser test${noBrowser.length === 1 ? "" : "s"}: ${why}`, ...noBrowser.map((name) => `!!!   ${name}`), `!!! ${HOW_TO_RUN_BROWSER_TESTS}`];
      process.stdout.write(`\n${lines.join("\n")}\n`);
    }
    process.stdout.write(`\n${passed} passed, ${failed} failed${skipped > 0 ? `, ${skipped} skipped` : ""}\n`);
  }
}
