import { describe, expect, it } from "vitest";
import { redactSecrets } from "./redact-secrets.js";

describe("redactSecrets", () => {
  it("scrubs configured secrets and token shapes everywhere, deeply", () => {
    const value = { a: "key=abc123secret", list: ["Authorization: Bearer abcdefghijkl", { deep: "sk-ant-api03-xyzxyzxyz" }], n: 4 };
    expect(redactSecrets(value, ["abc123secret", ""])).toEqual({
      a: "key=[redacted]",
      list: ["Authorization: Bearer [redacted]", { deep: "sk-[redacted]" }],
      n: 4,
    });
  });

  it("returns the very same object when there is nothing to scrub", () => {
    const value = { message: "rate limited", attempts: [{ status: 429 }] };
    expect(redactSecrets(value, ["secret-key"])).toBe(value);
  });
});
