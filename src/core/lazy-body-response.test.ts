import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { thrownBy } from "./__fixtures__/thrown-by.js";
import { textBodyResponse } from "./text-body-response.js";

const headers = { "content-type": "application/json" };

describe("LazyBodyResponse (through textBodyResponse)", () => {
  it.each([200, 201, 299, 404, 502, 599])("answers every Response member as a genuine Response with status %i", (status) => {
    const fast = textBodyResponse("{}", { status, headers });
    const genuine = new Response("{}", { status, headers });
    expect(fast).toBeInstanceOf(Response);
    const view = (r: Response) => ({ status: r.status, statusText: r.statusText, ok: r.ok, type: r.type, url: r.url, redirected: r.redirected, tag: Object.prototype.toString.call(r) });
    expect(view(fast)).toEqual(view(genuine));
    // No own enumerable properties, as undici's: a spread or key listing sees the same.
    expect(Object.keys(fast)).toEqual(Object.keys(genuine));
    expect([...fast.headers]).toEqual([...genuine.headers]);
  });

  it("answers every member this Node's Response has itself: none falls through to undici's brand-checked one", () => {
    // A Node that adds a member to Response would make it throw "Illegal invocation" on a fast Response.
    const fast = textBodyResponse("{}", { status: 200, headers });
    const own = Object.getPrototypeOf(Object.getPrototypeOf(fast)) as object;
    const members = Object.getOwnPropertyNames(Response.prototype).filter((name) => name !== "constructor");
    expect(members.filter((name) => !Object.hasOwn(own, name))).toEqual([]);
  });

  it("is inspected as undici inspects a Response", () => {
    const fast = textBodyResponse("{}", { status: 201, headers });
    expect(inspect(fast)).toContain("status: 201");
    expect(inspect(fast)).toMatch(/^Response \{/);
  });

  it("throws what undici's constructor throws for a status it rejects", () => {
    for (const status of [100, 600, 1000]) {
      const fast = thrownBy(() => textBodyResponse("{}", { status, headers }));
      const genuine = thrownBy(() => new Response("{}", { status, headers }));
      expect(fast).toBeInstanceOf(RangeError);
      expect(String(fast)).toBe(String(genuine));
    }
  });
});
