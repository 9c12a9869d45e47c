import { describe, expect, it } from "vitest";
import { maskKey } from "./mask-key.js";

describe("maskKey", () => {
  it("keeps the word prefix and the last three characters", () => {
    expect(maskKey("client-4f9a2c7e81xyz")).toBe("client-…xyz");
    expect(maskKey("sk_live_0123456789abc")).toBe("sk_…abc");
  });

  it("never shows most of a key", () => {
    expect(maskKey("team-key-77")).toBe("…-77");
    expect(maskKey("abc")).toBe("…");
    expect(maskKey("longkeywithoutprefix")).toBe("…fix");
  });
});
