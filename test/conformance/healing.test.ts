// Runs the reference's response-healing test vectors (healing.vectors.ts) against gateway-sim's
// healResponse, plus the corpus case of the curly-quoted-key false success in every mode.
import { describe, expect, it } from "vitest";
import { healingSucceeded, healResponse } from "../../src/plugins/response-healing/heal-response.js";
import { HEALING_MODES } from "../../src/plugins/response-healing/registry.js";
import { HEALING_CODE_VECTORS, HEALING_TEST_FILE, HEALING_VECTORS, type HealingVector } from "./healing.vectors.js";

function run(vector: HealingVector) {
  return healResponse({ text: vector.blocks, finishReason: vector.finishReason, responseFormat: vector.format, mode: vector.mode, streaming: vector.streaming ?? false });
}

describe(`conformance: ${HEALING_TEST_FILE}`, () => {
  it("ports all 16 tests of the reference file and 7 code-reading facts", () => {
    expect(HEALING_VECTORS).toHaveLength(16);
    expect(HEALING_CODE_VECTORS).toHaveLength(7);
  });

  for (const vector of [...HEALING_VECTORS, ...HEALING_CODE_VECTORS]) {
    it(vector.name, () => {
      const result = run(vector);
      const { execution } = result;
      expect(execution).toMatchObject({ id: "response-healing", stage: "response.post_provider", status: vector.expect.status, changed: vector.expect.changed, metadata: vector.expect.metadata });
      expect(result.blocks).toEqual(vector.expect.blocks ?? vector.blocks);
      if (vector.expect.transformsInclude) expect(execution.metadata.transforms_applied).toEqual(expect.arrayContaining(vector.expect.transformsInclude));
      if (vector.expect.transformsExactly) expect(execution.metadata.transforms_applied).toEqual(vector.expect.transformsExactly);
      if (vector.expect.errorsInclude) expect(execution.metadata.validation_errors).toEqual(expect.arrayContaining(vector.expect.errorsInclude));
    });
  }
});

describe("conformance: the curly-quoted key of the corpus (the false-success defect)", () => {
  // From the healing corpus run: `{“a”: 15}` was quoted as `{"“a”":15}` and reported healed because the
  // schema accepted the wrong key. Kept here as a fixture, so the test needs no corpus outside the repository.
  const format = { type: "json_schema" as const, name: "a", schema: { type: "object", properties: { a: { type: "number" } } } };
  for (const mode of HEALING_MODES) {
    it(`${mode}: never delivers a key with the curly quotes in its name`, () => {
      const result = healResponse({ text: "{\u201ca\u201d: 15}", finishReason: "stop", responseFormat: format, mode, streaming: false });
      if (healingSucceeded(result.execution)) expect(JSON.parse(result.text)).toEqual({ a: 15 });
      else expect(result.text).toBe("{\u201ca\u201d: 15}");
      expect(result.text).not.toContain('"\u201ca\u201d"');
    });
  }
});
