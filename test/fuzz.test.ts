// Property-based tests of issue 14, with a fixed seed and a small budget (`npm run fuzz` runs a large
// one and prints the figures): mutated example scenarios validate or fail located; random request
// bodies get a 2xx or a flat 4xx; the usage log holds one record per generation id sent.
import { rmSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createServerApp } from "../src/server/create-server-app.js";
import { startServer } from "../src/server/start-server.js";
import { answerBody, classifyJson, requestBodyArbitrary } from "./support/fuzz-requests.js";
import { mutate, mutationArbitrary, scenarioWorkspace, validateMutant } from "./support/fuzz-scenarios.js";
import { realGateway } from "./support/real-gateway.js";

const SEED = 1414;
const workspace = scenarioWorkspace();
afterAll(() => rmSync(workspace.root, { recursive: true, force: true }));

/** JSON text of a body; one nested past JSON.stringify's own stack limit becomes a deep text body instead. */
function stringifyOrDeep(body: unknown): string {
  try {
    return JSON.stringify(body) ?? "";
  } catch {
    return `{"model":"openai/gpt-5.4-nano","input":${"[".repeat(8_000)}${"]".repeat(8_000)}}`;
  }
}

describe("fuzz (fixed seed, small budget)", () => {
  it("a mutated example scenario is valid or refused with located problems", async () => {
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(mutationArbitrary(workspace.files.length), async (m) => {
        const text = mutate(workspace.texts[m.file] as string, m);
        const { outcome, output } = await validateMutant(workspace, m.file, text);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        expect(outcome, `${outcome}:\n${output}\n--- mutant ---\n${text.slice(0, 2_000)}`).toMatch(/^(valid|invalid-located)$/);
      }),
      { seed: SEED, numRuns: 30 },
    );
    // The mutations reach both outcomes, so the property is exercised both ways.
    expect(outcomes.get("valid") ?? 0).toBeGreaterThan(0);
    expect(outcomes.get("invalid-located") ?? 0).toBeGreaterThan(0);
  }, 60_000);

  it("a random request body gets a 2xx or a flat 4xx, and every generation id sent has one usage record", async () => {
    const gateway = realGateway({ seed: "fuzz", fetch: "fakes" });
    const ids: string[] = [];
    const outcomes = new Map<string, number>();
    await fc.assert(
      fc.asyncProperty(requestBodyArbitrary, async (body) => {
        const { outcome, id, detail } = await answerBody(gateway, body);
        if (id !== undefined) ids.push(id);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        expect(outcome, detail).toMatch(/^(2xx|4xx|upstream_5xx)$/);
      }),
      { seed: SEED, numRuns: 150 },
    );
    expect(outcomes.get("2xx") ?? 0).toBeGreaterThan(0);
    expect(outcomes.get("4xx") ?? 0).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
    expect(gateway.usage.total).toBe(ids.length);
    for (const id of ids) expect(gateway.usage.get(id)?.id).toBe(id);
  }, 60_000);

  it("a random body text over HTTP gets a 2xx or a flat 4xx", async () => {
    const gateway = realGateway({ seed: "fuzz-http", fetch: "fakes" });
    const server = await startServer(createServerApp({ gateway, apiKeys: ["k"] }), { port: 0 });
    try {
      const text = fc.oneof(
        requestBodyArbitrary.map(stringifyOrDeep),
        fc.string({ maxLength: 50 }),
        fc.constantFrom("{", "[1,", "\u0000", '{"model":'),
        // Written out as text: nesting the test's own JSON.stringify could not write.
        fc.integer({ min: 1, max: 20_000 }).map((n) => `{"model":"openai/gpt-5.4-nano","input":"Hi","metadata":${'{"a":'.repeat(n)}1${"}".repeat(n)}}`),
      );
      await fc.assert(
        fc.asyncProperty(text, async (body) => {
          const response = await fetch(`${server.url}/v1/responses`, { method: "POST", headers: { authorization: "Bearer k" }, body });
          const answer: unknown = response.headers.get("content-type")?.startsWith("text/event-stream") ? await response.text().then(() => ({})) : await response.json();
          const { outcome, detail } = classifyJson(response.status, answer);
          expect(outcome, detail).toMatch(/^(2xx|4xx|upstream_5xx)$/);
        }),
        { seed: SEED, numRuns: 40 },
      );
    } finally {
      await server.close();
    }
  }, 60_000);
});
