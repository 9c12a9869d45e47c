import { describe, expect, it } from "vitest";
import { attemptTraceSchema, formatTraceLine, parseTraceLine } from "./attempt-trace-schema.js";

describe("attempt_trace", () => {
  it("reads every kind of line and writes it back unchanged", () => {
    const lines = ["12.345s 503 8ms", "13.001s 200 412.5ms 150 tok", "14.2s 200 1520ms ttft 310.25ms 96 tok 55.6 tok/s", "15s conn 2ms", "16.000001s timeout 600000ms"];
    for (const line of lines) {
      const parsed = parseTraceLine(line);
      expect(parsed && formatTraceLine(parsed)).toBe(line);
    }
    expect(parseTraceLine("14.2s 200 1520ms ttft 310.25ms 96 tok 55.6 tok/s")).toEqual({
      at: 14_200,
      answer: { kind: "status", status: 200 },
      latencyMs: 1520,
      ttftMs: 310.25,
      outputTokens: 96,
      tokensPerSecond: 55.6,
    });
    expect(parseTraceLine("15s conn 2ms")?.answer).toEqual({ kind: "connection_error" });
  });

  it("sorts attempts by start (stable for equal starts) and defaults the tolerance to 50 ms", () => {
    const trace = attemptTraceSchema.parse({ attempts: ["2s 200 5ms 1 tok", "1s 503 8ms", "2s 200 6ms 2 tok"] });
    expect(trace.tolerance).toBe(50);
    expect(trace.attempts.map((a) => [a.at, a.outputTokens ?? null])).toEqual([
      [1000, null],
      [2000, 1],
      [2000, 2],
    ]);
  });

  it("names the line, the grammar and the index of a bad attempt", () => {
    const result = attemptTraceSchema.safeParse({ attempts: ["1s 200 5ms", "2s 302 5ms", "3 seconds ok"] });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((i) => `${i.path.join(".")}: ${i.message}`) ?? [];
    expect(issues).toEqual([
      'attempts.1: expected an attempt line "<start>s <status|conn|timeout> <latency>ms [ttft <ms>ms] [<n> tok] [<speed> tok/s]", e.g. "12.345s 503 8ms"; got "2s 302 5ms"',
      'attempts.2: expected an attempt line "<start>s <status|conn|timeout> <latency>ms [ttft <ms>ms] [<n> tok] [<speed> tok/s]", e.g. "12.345s 503 8ms"; got "3 seconds ok"',
    ]);
  });
});
