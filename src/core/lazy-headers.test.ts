import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { isPlainHeaderPairs, lazyHeaders } from "./lazy-headers.js";

const record = () => ({ "content-type": "application/json", authorization: "Bearer sk-1", "x-phaseo-correlation": "abc", accept: "" });

/** Everything a caller can observe after `act`: the result (or the error) and the list left behind. */
function observe(headers: Headers, act: (h: Headers) => unknown) {
  let result: unknown;
  try {
    result = act(headers);
  } catch (error) {
    result = error instanceof TypeError ? `TypeError: ${error.message}` : "other error";
  }
  return { result, list: [...headers], has: headers.has("authorization"), get: headers.get("AUTHORIZATION") };
}

const acts: Record<string, (h: Headers) => unknown> = {
  "get, lower case": (h) => h.get("authorization"),
  "get, mixed case": (h) => h.get("Content-Type"),
  "get, absent": (h) => h.get("x-absent"),
  "get, empty value": (h) => h.get("accept"),
  "get, invalid name": (h) => h.get("bad name"),
  "get, prototype name": (h) => h.get("constructor"),
  has: (h) => [h.has("AUTHORIZATION"), h.has("x-absent")],
  set: (h) => h.set("Authorization", "Bearer sk-2"),
  append: (h) => h.append("X-Phaseo-Correlation", "def"),
  "append then get": (h) => {
    h.append("authorization", "Bearer sk-2");
    return h.get("authorization");
  },
  delete: (h) => h.delete("Content-Type"),
  "set invalid value": (h) => h.set("x-a", "bad\nvalue"),
  entries: (h) => [...h.entries()],
  keys: (h) => [...h.keys()],
  values: (h) => [...h.values()],
  forEach: (h) => {
    const seen: string[] = [];
    h.forEach((value, key, parent) => seen.push(`${key}=${value}:${parent === h}`));
    return seen;
  },
  getSetCookie: (h) => h.getSetCookie(),
  "copied into new Headers": (h) => [...new Headers(h)],
  "copied into a Request": (h) => [...new Request("https://example.test/", { headers: h }).headers],
  inspect: (h) => inspect(h),
};

describe("lazyHeaders", () => {
  it("is a Headers", () => {
    expect(lazyHeaders(record())).toBeInstanceOf(Headers);
  });

  for (const [name, act] of Object.entries(acts)) {
    it(`behaves like new Headers(record) for ${name}`, () => {
      expect(observe(lazyHeaders(record()), act)).toEqual(observe(new Headers(record()), act));
    });
    it(`behaves like new Headers(record) for ${name} after a get()`, () => {
      const lazy = lazyHeaders(record());
      const real = new Headers(record());
      expect(lazy.get("authorization")).toBe(real.get("authorization"));
      expect(observe(lazy, act)).toEqual(observe(real, act));
    });
  }

  // Records a real Headers would change or reject go straight to the real one: same result, same errors.
  const unusual: Record<string, () => ConstructorParameters<typeof Headers>[0] | undefined> = {
    undefined: () => undefined,
    "mixed-case names": () => ({ "Content-Type": "text/plain", "content-type": "application/json" }),
    "padded value": () => ({ "x-a": "  padded\t" }),
    "a value with a newline": () => ({ "x-a": "a\nb" }),
    "an invalid name": () => ({ "bad name": "x" }),
    "a non-string value": () => ({ "x-a": 42 }) as unknown as ConstructorParameters<typeof Headers>[0],
    "a symbol key": () => ({ "x-a": "1", [Symbol("s")]: "2" }) as unknown as ConstructorParameters<typeof Headers>[0],
    "an array of pairs": () => [["X-A", "1"]],
    "a Headers": () => new Headers({ "x-a": "1" }),
  };
  for (const [name, init] of Object.entries(unusual)) {
    it(`gives what new Headers gives for ${name}`, () => {
      const build = (make: () => Headers) => {
        try {
          const h = make();
          return { list: [...h], get: h.get("x-a"), type: h.get("content-type") };
        } catch (error) {
          return error instanceof TypeError ? `TypeError: ${error.message}` : "other error";
        }
      };
      expect(build(() => lazyHeaders(init()))).toEqual(build(() => new Headers(init())));
    });
  }

  it("reads the record's values once, at construction, as new Headers does", () => {
    const source: Record<string, string> = { authorization: "Bearer sk-1" };
    const headers = lazyHeaders(source);
    source.authorization = "changed";
    expect(headers.get("authorization")).toBe("Bearer sk-1");
    expect([...headers]).toEqual([["authorization", "Bearer sk-1"]]);
  });
});

describe("isPlainHeaderPairs", () => {
  it("accepts pairs a real Headers holds as given, and nothing it would change or reject", () => {
    expect(isPlainHeaderPairs([])).toBe(true);
    expect(
      isPlainHeaderPairs([
        ["content-type", "text/event-stream"],
        ["set-cookie", "a=1"],
        ["set-cookie", "b=2"],
      ]),
    ).toBe(true);
    expect(isPlainHeaderPairs([["Content-Type", "text/plain"]])).toBe(false);
    expect(isPlainHeaderPairs([["x-a", " padded"]])).toBe(false);
    expect(isPlainHeaderPairs([["x-a", "a\nb"]])).toBe(false);
    expect(isPlainHeaderPairs([["bad name", "v"]])).toBe(false);
    expect(isPlainHeaderPairs([["x-a", "1", "extra"]])).toBe(false);
    expect(isPlainHeaderPairs([["x-a"]])).toBe(false);
  });
});
