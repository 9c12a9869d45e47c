// A deliberately wrong expectation fails with expected against actual, the failing request and a
// one-line command that reproduces just that case — and that command does reproduce it.
import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli/program.js";
import { runSuite } from "../src/scenarios/run/run-suite.js";
import { captureIo } from "./support/capture-io.js";

const file = "test/fixtures/scenarios/wrong-expectation.yaml";

describe("a wrong expectation", () => {
  it("fails with a clear message and a reproduce command", async () => {
    const { report } = await runSuite([file]);
    const scenario = report.scenarios[0];
    expect(scenario?.status).toBe("failed");
    const failed = scenario?.expectations.find((e) => !e.passed);
    expect(failed?.name).toBe("routes to the EU endpoint");
    expect(failed?.failures).toEqual([
      {
        check: "selected_provider",
        expected: "openai-eu",
        actual: "openai",
        failing: 1,
        examples: [{ request: expect.stringMatching(/^#0 "extract-action-items" at 0s \(G-[0-9a-f]{24}\)$/), actual: "openai" }],
      },
    ]);
    expect(failed?.reproduce).toBe(`npx gateway-sim run ${file} --only "routes to the EU endpoint" --seed 42`);
    expect(scenario?.expectations.find((e) => e.name === "answers successfully")?.passed).toBe(true);
  });

  it("its reproduce command runs just that expectation and fails the same way", async () => {
    const io = captureIo(process.cwd(), {});
    const code = await runCli(["run", file, "--only", "routes to the EU endpoint", "--seed", "42"], io);
    expect(code).toBe(1);
    expect(io.out()).toContain("selected_provider: expected openai-eu, got openai (in 1 of 1 requests)");
    expect(io.out()).toContain("1 expectation: 0 passed, 1 failed");
    expect(io.out()).not.toContain("answers successfully");
  });
});
