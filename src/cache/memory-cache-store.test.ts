import { describe, expect, it } from "vitest";
import { createMemoryCacheStore } from "./memory-cache-store.js";

const entry = (body: unknown, storedAt: number, ttlMs: number) => ({ body, storedAt, expiresAt: storedAt + ttlMs, providerId: null });

describe("createMemoryCacheStore", () => {
  it("returns an entry until it expires on the caller's clock", () => {
    const store = createMemoryCacheStore();
    store.set("k", entry({ a: 1 }, 1_000, 30_000));
    expect(store.get("k", 30_999)).toEqual(entry({ a: 1 }, 1_000, 30_000));
    expect(store.get("k", 31_000)).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it("evicts the least recently used entry", () => {
    const store = createMemoryCacheStore({ maxEntries: 2 });
    store.set("a", entry(1, 0, 1e6));
    store.set("b", entry(2, 0, 1e6));
    store.get("a", 1);
    store.set("c", entry(3, 0, 1e6));
    expect(store.get("b", 1)).toBeUndefined();
    expect(store.get("a", 1)?.body).toBe(1);
    expect(store.get("c", 1)?.body).toBe(3);
    expect(store.size).toBe(2);
  });

  it("copies bodies in and out", () => {
    const store = createMemoryCacheStore();
    const body = { output: [{ text: "x" }] };
    store.set("k", entry(body, 0, 1e6));
    body.output[0]!.text = "changed";
    const first = store.get("k", 1);
    (first?.body as typeof body).output[0]!.text = "changed again";
    expect(store.get("k", 1)?.body).toEqual({ output: [{ text: "x" }] });
  });

  it("deletes, clears and rejects a bad size", () => {
    const store = createMemoryCacheStore();
    store.set("a", entry(1, 0, 1e6));
    store.set("b", entry(2, 0, 1e6));
    store.delete("a");
    expect(store.size).toBe(1);
    store.clear();
    expect(store.size).toBe(0);
    expect(() => createMemoryCacheStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});

describe("createMemoryCacheStore with a body that is not plain JSON", () => {
  it("replays what the body's JSON text says", () => {
    const store = createMemoryCacheStore();
    store.set("k", entry({ at: new Date(0), n: Number.NaN, list: [undefined] }, 0, 1e6));
    expect(store.get("k", 1)?.body).toStrictEqual({ at: "1970-01-01T00:00:00.000Z", n: null, list: [null] });
  });
});
