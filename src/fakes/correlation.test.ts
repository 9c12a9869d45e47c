import { describe, expect, it } from "vitest";
import { CORRELATION_HEADER, correlationFromHeader, correlationMarker, stripCorrelation } from "./correlation.js";

describe("correlation marker", () => {
  it("is stripped from a JSON body, keeping the body valid and the text as written", () => {
    const body = JSON.stringify({ messages: [{ role: "user", content: `Extract the items. ${correlationMarker("r12")}` }] });
    const found = stripCorrelation(body);
    expect(found.id).toBe("r12");
    expect(JSON.parse(found.text)).toEqual({ messages: [{ role: "user", content: "Extract the items." }] });
  });

  it("leaves a body without a marker untouched", () => {
    expect(stripCorrelation('{"a":"[gsim]"}')).toEqual({ text: '{"a":"[gsim]"}', id: undefined });
  });

  it("rejects ids that would need escaping in JSON", () => {
    expect(() => correlationMarker('a"b')).toThrow(/letters, digits/);
  });

  it("reads the header when it holds a valid id", () => {
    expect(correlationFromHeader(new Headers({ [CORRELATION_HEADER]: "r4" }))).toBe("r4");
    expect(correlationFromHeader(new Headers({ [CORRELATION_HEADER]: "no spaces allowed" }))).toBeUndefined();
  });
});
