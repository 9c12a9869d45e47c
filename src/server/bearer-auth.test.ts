import { describe, expect, it } from "vitest";
import { ACCEPTED_HEADERS_KEPT, AcceptedHeaders, bearerCheck } from "./bearer-auth.js";

describe("bearerCheck", () => {
  it("accepts a known key again and again, in any scheme case and with trailing space", () => {
    const check = bearerCheck({ apiKeys: ["sim-key"] });
    for (const header of ["Bearer sim-key", "Bearer sim-key", "bearer sim-key", "BEARER   sim-key  "]) expect(check(header)).toBeUndefined();
  });

  it("refuses an unknown key every time, also right after the known key was accepted", () => {
    const check = bearerCheck({ apiKeys: ["sim-key"] });
    expect(check("Bearer sim-key")).toBeUndefined();
    for (const header of ["Bearer sim-key2", "Bearer sim-ke", "Bearer sim-key x", "Basic sim-key", "sim-key", ""]) {
      expect(check(header)?.code, header).toBe("unauthorised");
      expect(check(header)?.code, `${header} (again)`).toBe("unauthorised");
    }
    expect(check(undefined)?.message).toMatch(/Missing API key/);
    expect(check("Bearer nope")?.message).toBe("Invalid API key.");
  });

  it("holds at most its bound of accepted headers", () => {
    const accepted = new AcceptedHeaders();
    let largest = 0;
    for (let i = 0; i < ACCEPTED_HEADERS_KEPT * 3 + 7; i++) {
      accepted.add(`Bearer key-${i}`);
      largest = Math.max(largest, accepted.size);
      expect(accepted.has(`Bearer key-${i}`)).toBe(true);
    }
    expect(largest).toBe(ACCEPTED_HEADERS_KEPT);
  });

  it("still decides correctly past its bound of accepted headers", () => {
    const check = bearerCheck({ apiKeys: [], allowAnyKey: true });
    for (let i = 0; i < ACCEPTED_HEADERS_KEPT * 3 + 7; i++) expect(check(`Bearer key-${i}`)).toBeUndefined();
    expect(check("Bearer key-0")).toBeUndefined();
    expect(check("Bearer")?.code).toBe("unauthorised");
    const strict = bearerCheck({ apiKeys: ["a"] });
    expect(strict("Bearer a")).toBeUndefined();
    expect(strict("Bearer b")?.code).toBe("unauthorised");
  });

  it("refuses every key when none is configured, even the empty one", () => {
    const check = bearerCheck({ apiKeys: ["", ""] });
    expect(check("Bearer ")?.code).toBe("unauthorised");
    expect(check("Bearer x")?.code).toBe("unauthorised");
  });
});
