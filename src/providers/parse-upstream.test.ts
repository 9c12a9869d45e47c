import { describe, expect, it } from "vitest";
import { z } from "zod";
import { GatewayError } from "../core/errors.js";
import { parseUpstream, parseUpstreamJson, snippet } from "./parse-upstream.js";

const schema = z.object({ id: z.string(), n: z.number() });

describe("parseUpstream", () => {
  it("returns the parsed value", () => {
    expect(parseUpstream(schema, { id: "a", n: 1, extra: true }, "thing")).toEqual({ id: "a", n: 1 });
  });

  it("throws upstream_invalid_response naming the first issues by path", () => {
    expect(() => parseUpstream(schema, { id: 3 }, "thing")).toThrow(GatewayError);
    try {
      parseUpstream(schema, { id: 3 }, "thing");
    } catch (error) {
      expect(error instanceof GatewayError && error.code).toBe("upstream_invalid_response");
      expect(error instanceof GatewayError && error.message).toMatch(/^thing does not match the wire format \(id: .*; n: .*\)$/);
    }
  });
});

describe("parseUpstreamJson", () => {
  it("separates bad JSON from a bad shape", () => {
    const bad = parseUpstreamJson(schema, "{nope", "event");
    expect(!bad.ok && bad.error.message).toBe("event is not valid JSON: {nope");
    const wrong = parseUpstreamJson(schema, "[]", "event");
    expect(!wrong.ok && wrong.error.message).toContain("(root)");
    expect(parseUpstreamJson(schema, '{"id":"x","n":2}', "event")).toEqual({ ok: true, value: { id: "x", n: 2 } });
  });
});

describe("snippet", () => {
  it("flattens whitespace and cuts long bodies", () => {
    expect(snippet("a\n  b\tc")).toBe("a b c");
    expect(snippet("x".repeat(500))).toBe(`${"x".repeat(200)}…`);
  });
});
