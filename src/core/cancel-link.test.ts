import { describe, expect, it } from "vitest";
import { type LinkedFetch, linkedFetchOf, withLinkedFetch } from "./cancel-link.js";

const answer = (): Promise<Response> => Promise.resolve(new Response("plain"));

describe("withLinkedFetch / linkedFetchOf", () => {
  it("finds the linked form of a marked fetch and leaves the fetch itself working as before", async () => {
    const linked: LinkedFetch = () => Promise.resolve(new Response("linked"));
    const fetch = withLinkedFetch(answer as typeof globalThis.fetch, linked);
    expect(linkedFetchOf(fetch)).toBe(linked);
    expect(await (await fetch("http://x.test/")).text()).toBe("plain");
    // Not enumerable: a spread or a key listing of the function sees nothing new.
    expect(Object.keys(fetch)).toEqual([]);
  });

  it("finds none on any other fetch (undici's, a test's), which therefore gets a real signal", () => {
    expect(linkedFetchOf(globalThis.fetch)).toBeUndefined();
    expect(linkedFetchOf((() => answer()) as typeof globalThis.fetch)).toBeUndefined();
  });
});
