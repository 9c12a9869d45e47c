import { describe, expect, it } from "vitest";
import { attemptTraceSchema } from "../profile/attempt-trace-schema.js";
import { createTraceMatcher } from "./trace-matcher.js";

const matcher = (attempts: string[], tolerance?: string) => createTraceMatcher(attemptTraceSchema.parse({ attempts, ...(tolerance ? { tolerance } : {}) }));

describe("createTraceMatcher", () => {
  it("answers a call with the nearest logged attempt within the tolerance, each attempt once", () => {
    const m = matcher(["1s 200 400ms 10 tok", "1.03s 503 8ms", "5s 200 300ms 20 tok"]);
    expect(m.take(1025)?.answer).toEqual({ kind: "status", status: 503 });
    // The 1.03 s attempt is taken: the next call near it gets the 1 s one.
    expect(m.take(1030)?.at).toBe(1000);
    expect(m.take(1030)).toBeUndefined();
    expect(m.left).toBe(1);
  });

  it("leaves calls the log never saw, and the attempts they are not near, alone (keyed by time, not call order)", () => {
    const m = matcher(["1s 200 400ms 10 tok", "2s 503 8ms"], "20ms");
    expect(m.take(1500)).toBeUndefined();
    expect(m.take(2010)?.answer).toEqual({ kind: "status", status: 503 });
    expect(m.take(999)?.at).toBe(1000);
    expect(m.left).toBe(0);
  });

  it("gives attempts logged at the same time in log order", () => {
    const m = matcher(["3s 200 100ms 1 tok", "3s 200 200ms 2 tok"]);
    expect([m.take(3000)?.outputTokens, m.take(3000)?.outputTokens]).toEqual([1, 2]);
  });
});
