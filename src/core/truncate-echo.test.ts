import { describe, expect, it } from "vitest";
import { GatewayError, ERROR_DETAILS_LIMIT } from "./errors.js";
import { ECHO_LIMIT, truncateEchoes, truncateText } from "./truncate-echo.js";

describe("truncateEchoes", () => {
  it("cuts each long echoed value at 200 characters and says how many more there were", () => {
    const text = `unknown model "${"x".repeat(900_000)}" and "${"y".repeat(300)}"`;
    const cut = truncateEchoes(text, 10_000);
    // A run is everything between spaces: the opening quote counts, the closing one is among the cut characters.
    expect(cut).toBe(`unknown model "${"x".repeat(ECHO_LIMIT - 1)}…(899802 more characters) and "${"y".repeat(ECHO_LIMIT - 1)}…(102 more characters)`);
  });

  it("leaves ordinary messages alone and caps a long one as a whole", () => {
    expect(truncateEchoes("expected number, got string", 100)).toBe("expected number, got string");
    expect(truncateText("a b ".repeat(100), 10)).toBe("a b a b a …(390 more characters)");
  });
});

describe("error bodies are bounded", () => {
  it("no input makes a body larger than ~45 KB", () => {
    const huge = "z ".repeat(2_000_000);
    const details = Array.from({ length: 10_000 }, (_, i) => ({ message: huge, path: `k${i}${"p".repeat(10_000)}`, keyword: "type" }));
    const body = new GatewayError("validation_error", huge, { details, extra: { reason: huge } }).toBody("G-1");
    expect(JSON.stringify(body).length).toBeLessThan(48_000);
    expect(body.details).toHaveLength(ERROR_DETAILS_LIMIT);
    expect(body.details?.at(-1)).toEqual({ message: `and ${10_000 - ERROR_DETAILS_LIMIT + 1} more problems`, path: "", keyword: "truncated" });
  });
});
