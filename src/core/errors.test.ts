import { describe, expect, it } from "vitest";
import { GatewayError, isRetryableStatus } from "./errors.js";

describe("GatewayError", () => {
  it("renders the flat body with the registry's status, type and origin", () => {
    const error = new GatewayError("validation_error", "bad", { details: [{ message: "m", path: "input", keyword: "required" }] });
    expect(error.toBody("G-1")).toEqual({
      generation_id: "G-1",
      status_code: 400,
      error: "validation_error",
      error_type: "user",
      error_origin: "user",
      description: "bad",
      details: [{ message: "m", path: "input", keyword: "required" }],
    });
  });

  it("does not take JSON.stringify's property key for a generation id", () => {
    const nested = JSON.parse(JSON.stringify({ error: new GatewayError("gateway_error", "x") })) as { error: { generation_id: unknown } };
    expect(nested.error.generation_id).toBeNull();
  });

  it("derives retryability from the upstream status (§5)", () => {
    const retryable = [408, 409, 429, 500, 502, 503, 529];
    const final = [400, 401, 403, 404, 422];
    for (const status of retryable) expect(new GatewayError("upstream_http_error", "", { upstreamStatus: status }).isRetryable).toBe(true);
    for (const status of final) expect(new GatewayError("upstream_http_error", "", { upstreamStatus: status }).isRetryable).toBe(false);
    expect(new GatewayError("upstream_timeout", "").isRetryable).toBe(true);
    expect(new GatewayError("upstream_connection_error", "").isRetryable).toBe(true);
    expect(isRetryableStatus(200)).toBe(false);
  });
});
