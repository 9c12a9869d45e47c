// Runs the reference's health test vectors (health.vectors.ts) against gateway-sim's health store.
import { describe, expect, it } from "vitest";
import { healthImpact } from "../../src/gateway/health/health-record.js";
import { createHealthStore } from "../../src/gateway/health/health-store.js";
import { defaultGatewaySettings } from "../../src/gateway/settings.js";
import { HEALTH_NOT_PORTED, HEALTH_TEST, IMPACT_VECTORS, UPDATE_VECTORS } from "./health.vectors.js";

describe(`conformance: ${HEALTH_TEST}`, () => {
  for (const v of IMPACT_VECTORS) {
    it(`${v.test} (line ${v.line})`, () => {
      expect(healthImpact(v.input)).toBe(v.impact);
    });
  }
  for (const v of UPDATE_VECTORS) {
    it(`${v.test} (line ${v.line})`, () => {
      const health = createHealthStore(defaultGatewaySettings());
      const end = health.begin("openai", "gpt-5.4-nano");
      end();
      health.record({ provider: "openai", model: "gpt-5.4-nano", at: 1000, ...v.call });
      const h = health.get("openai", "gpt-5.4-nano", 1000);
      expect(h).toMatchObject(v.expected);
      expect(h.rate_60s > 0).toBe(v.rate60Positive);
    });
  }
  it(`lists the ${HEALTH_NOT_PORTED.length} test not ported, with a reason`, () => {
    expect(IMPACT_VECTORS.length + UPDATE_VECTORS.length + HEALTH_NOT_PORTED.length).toBe(6);
  });
});
