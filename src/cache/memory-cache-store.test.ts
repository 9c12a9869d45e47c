import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createMemoryCacheStore, DEFAULT_MAX_CACHE_BYTES, DEFAULT_MAX_CACHE_ENTRIES } from "./memory-cache-store.js";

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
    expect(() => createMemoryCacheStore({ maxBytes: 0 })).toThrow("createMemoryCacheStore: maxBytes must be a positive integer, got 0");
    expect(() => createMemoryCacheStore({ maxBytes: 1.5 })).toThrow(RangeError);
    expect(() => createMemoryCacheStore({ maxBytes: Number.POSITIVE_INFINITY })).toThrow("got Infinity");
  });
});

describe("createMemoryCacheStore with a body that is not plain JSON", () => {
  it("replays what the body's JSON text says", () => {
    const store = createMemoryCacheStore();
    store.set("k", entry({ at: new Date(0), n: Number.NaN, list: [undefined] }, 0, 1e6));
    expect(store.get("k", 1)?.body).toStrictEqual({ at: "1970-01-01T00:00:00.000Z", n: null, list: [null] });
  });
});

// A body whose JSON text is exactly `length` characters: a string of length - 2 plus its quotes.
const sized = (length: number): string => "x".repeat(length - 2);

describe("createMemoryCacheStore's byte budget", () => {
  it("defaults to 64 MiB and 1,000 entries", () => {
    expect(DEFAULT_MAX_CACHE_BYTES).toBe(64 * 1024 * 1024);
    expect(DEFAULT_MAX_CACHE_ENTRIES).toBe(1000);
    const store = createMemoryCacheStore();
    const body = { id: "resp_1", output: [{ type: "message", content: [{ type: "output_text", text: "Paris." }] }], usage: { input_tokens: 20, output_tokens: 3 } };
    expect(store.set("k", entry(body, 0, 1e6))).toEqual({ stored: true });
    expect(store.bytes).toBe(JSON.stringify(body).length);
  });

  it("counts a body that is not plain JSON by its JSON text", () => {
    const store = createMemoryCacheStore();
    const body = { at: new Date(0), n: Number.NaN };
    store.set("k", entry(body, 0, 1e6));
    expect(store.bytes).toBe(JSON.stringify(body).length);
  });

  it("evicts the least recently used entries until the new one fits", () => {
    const store = createMemoryCacheStore({ maxBytes: 100 });
    store.set("a", entry(sized(30), 0, 1e6));
    store.set("b", entry(sized(30), 0, 1e6));
    store.set("c", entry(sized(30), 0, 1e6));
    expect(store.bytes).toBe(90);
    store.get("a", 1);
    store.set("d", entry(sized(30), 0, 1e6));
    expect(store.bytes).toBe(90);
    expect(store.get("b", 1)).toBeUndefined();
    // Order of use is now c, a, d: a 60-byte answer needs two of them gone.
    store.set("e", entry(sized(60), 0, 1e6));
    expect(store.bytes).toBe(90);
    expect(["a", "c", "d", "e"].map((key) => store.get(key, 1) !== undefined)).toEqual([false, false, true, true]);
  });

  it("evicts when the total passes the budget by a single byte", () => {
    const store = createMemoryCacheStore({ maxBytes: 100 });
    store.set("a", entry(sized(50), 0, 1e6));
    store.set("b", entry(sized(50), 0, 1e6));
    expect(store.size).toBe(2);
    store.set("b", entry(sized(51), 0, 1e6));
    expect(store.get("a", 1)).toBeUndefined();
    expect(store.bytes).toBe(51);
  });

  it("stores an answer of exactly the budget, evicting everything else", () => {
    const store = createMemoryCacheStore({ maxBytes: 100 });
    store.set("a", entry(sized(10), 0, 1e6));
    expect(store.set("b", entry(sized(100), 0, 1e6))).toEqual({ stored: true });
    expect(store.size).toBe(1);
    expect(store.bytes).toBe(100);
  });

  it("refuses an answer larger than the whole budget, says why, and keeps the others", () => {
    const store = createMemoryCacheStore({ maxBytes: 100 });
    store.set("a", entry(sized(40), 0, 1e6));
    store.set("big", entry(sized(20), 0, 1e6));
    expect(store.set("big", entry(sized(101), 0, 1e6))).toEqual({ stored: false, reason: "entry_too_large", bytes: 101, maxBytes: 100 });
    // The older answer under the key was being replaced: it goes; nothing else is evicted for a refusal.
    expect(store.get("big", 1)).toBeUndefined();
    expect(store.get("a", 1)?.body).toBe(sized(40));
    expect(store.size).toBe(1);
    expect(store.bytes).toBe(40);
  });

  it("adjusts the total when a key is stored again, deleted or cleared", () => {
    const store = createMemoryCacheStore({ maxBytes: 100 });
    store.set("a", entry(sized(50), 0, 1e6));
    store.set("a", entry(sized(10), 0, 1e6));
    expect(store.bytes).toBe(10);
    store.set("a", entry(sized(80), 0, 1e6));
    store.set("b", entry(sized(20), 0, 1e6));
    expect(store.bytes).toBe(100);
    expect(store.size).toBe(2);
    store.delete("a");
    store.delete("missing");
    expect(store.bytes).toBe(20);
    store.clear();
    expect(store.bytes).toBe(0);
  });

  it("releases an expired entry's bytes when a lookup finds it expired, and evicts expired entries in order of use", () => {
    const store = createMemoryCacheStore({ maxBytes: 100 });
    store.set("short", entry(sized(40), 0, 1_000));
    store.set("long", entry(sized(40), 0, 1e6));
    expect(store.get("short", 999)?.body).toBe(sized(40));
    expect(store.get("short", 1_000)).toBeUndefined();
    expect(store.bytes).toBe(40);
    // An expired entry nobody looked up still counts, and goes when it is the least recently used.
    store.set("stale", entry(sized(40), 0, 1_000));
    store.get("long", 2_000);
    store.set("new", entry(sized(40), 2_000, 1e6));
    expect(store.bytes).toBe(80);
    expect(store.get("stale", 0)).toBeUndefined();
    expect(store.get("long", 2_000)?.body).toBe(sized(40));
    expect(store.get("new", 2_000)?.body).toBe(sized(40));
  });

  it("holds both bounds and evicts as a least-recently-used list would, under any sequence of operations", () => {
    type Op = { kind: "set"; key: number; length: number } | { kind: "get"; key: number } | { kind: "delete"; key: number };
    const op: fc.Arbitrary<Op> = fc.oneof(
      fc.record({ kind: fc.constant("set" as const), key: fc.nat(20), length: fc.integer({ min: 2, max: 140 }) }),
      fc.record({ kind: fc.constant("get" as const), key: fc.nat(20) }),
      fc.record({ kind: fc.constant("delete" as const), key: fc.nat(20) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (ops, maxEntries) => {
        const maxBytes = 120;
        const store = createMemoryCacheStore({ maxEntries, maxBytes });
        // The model: keys in order of use, least recent first, with their sizes.
        let model: { key: string; length: number }[] = [];
        for (const step of ops) {
          const key = `k${step.key}`;
          const held = model.find((item) => item.key === key);
          model = model.filter((item) => item.key !== key);
          if (step.kind === "get") {
            expect(store.get(key, 0)?.body).toBe(held === undefined ? undefined : sized(held.length));
            if (held !== undefined) model.push(held);
          } else if (step.kind === "delete") {
            store.delete(key);
          } else {
            const result = store.set(key, entry(sized(step.length), 0, 1e6));
            expect(result.stored).toBe(step.length <= maxBytes);
            if (step.length <= maxBytes) model.push({ key, length: step.length });
            while (model.length > maxEntries || model.reduce((sum, item) => sum + item.length, 0) > maxBytes) model.shift();
          }
          expect(store.size).toBe(model.length);
          expect(store.bytes).toBe(model.reduce((sum, item) => sum + item.length, 0));
          expect(store.bytes).toBeLessThanOrEqual(maxBytes);
        }
        return true;
      }),
    );
  });
});
