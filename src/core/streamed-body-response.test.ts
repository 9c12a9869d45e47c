import { describe, expect, it } from "vitest";
import { thrownBy } from "./__fixtures__/thrown-by.js";
import { PushedBody } from "./pushed-body.js";
import { contentTypeOf, streamedBodyResponse, takeStreamedBody } from "./streamed-body-response.js";

const body = (text: string): PushedBody => {
  const pushed = new PushedBody({ pause: () => {}, resume: () => {}, abort: () => {} });
  pushed.push(Buffer.from(text));
  pushed.end();
  return pushed;
};
const SSE: [string, string][] = [
  ["content-type", "text/event-stream"],
  ["set-cookie", "a=1"],
  ["set-cookie", "b=2"],
  ["x-request-id", "r1"],
];

describe("streamedBodyResponse", () => {
  it.each([
    ["plain pairs (held back)", SSE],
    ["a repeated content type", [...SSE, ["content-type", "charset=utf-8"]] as [string, string][]],
    ["pairs a real Headers changes (checked at once)", [["Content-Type", " text/event-stream "]] as [string, string][]],
    ["no content type", [["x-a", "1"]] as [string, string][]],
  ])("answers headers and the content type as a genuine Response does: %s", async (_label, headers) => {
    const genuine = new Response(null, { status: 200, statusText: "OK", headers });
    const response = streamedBodyResponse(body("data: 1\n\n"), { status: 200, statusText: "OK", headers });
    expect(contentTypeOf(response)).toBe(genuine.headers.get("content-type"));
    expect([...response.headers]).toEqual([...genuine.headers]);
    expect(response.headers.getSetCookie()).toEqual(genuine.headers.getSetCookie());
    expect([response.status, response.statusText, response.ok]).toEqual([200, "OK", true]);
    // Asking for the headers built the genuine Response: the body is its web stream now.
    expect(takeStreamedBody(response)).toBeUndefined();
    expect(await response.text()).toBe("data: 1\n\n");
  });

  it("answers the content type without building the genuine Response, so the pushed body can still be taken", async () => {
    const res = body("data: 2\n\n");
    const response = streamedBodyResponse(res, { status: 200, statusText: "OK", headers: SSE });
    expect(contentTypeOf(response)).toBe("text/event-stream");
    expect(takeStreamedBody(response)).toBe(res);
    expect(response.bodyUsed).toBe(true);
    // Read through the pushed body: the genuine Response built afterwards has the headers, disturbed.
    expect(response.headers.get("x-request-id")).toBe("r1");
    await expect(response.text()).rejects.toThrow(TypeError);
  });

  it("rejects headers a genuine Response rejects, when it is made, as undici's constructor did", () => {
    expect(() => streamedBodyResponse(body(""), { status: 200, headers: [["x-a", "a\nb"]] })).toThrow(TypeError);
    expect(() => streamedBodyResponse(body(""), { status: 200, headers: [["bad name", "v"]] })).toThrow(TypeError);
  });

  it("takes the status and status text as undici's constructor takes them, or throws what it throws", () => {
    for (const init of [{ status: 200, statusText: "OK \u00e9" }, { status: 200.7 }, { status: 503 }]) {
      const fast = streamedBodyResponse(body(""), { ...init, headers: SSE });
      const genuine = new Response(null, init);
      expect([fast.status, fast.statusText, fast.ok]).toEqual([genuine.status, genuine.statusText, genuine.ok]);
    }
    for (const init of [{ status: 200, statusText: "a\nb" }, { status: 200, statusText: "\u0100" }, { status: 99 }]) {
      expect(() => streamedBodyResponse(body(""), init)).toThrow(String(thrownBy(() => new Response(null, init))).replace(/^\w+: /, ""));
    }
  });

  it("reads the content type of any other Response from its headers", () => {
    expect(contentTypeOf(new Response("{}", { headers: { "content-type": "application/json" } }))).toBe("application/json");
    expect(contentTypeOf(new Response(null))).toBeNull();
  });
});
