import { describe, expect, it } from "vitest";
import { VirtualClock } from "../core/virtual-clock.js";
import { createFakeFleet } from "./fleet.js";
import { defineFakeProvider } from "./profile/schema.js";

const profile = (id: string, base_url: string) =>
  defineFakeProvider({ id, format: "openai-chat", base_url, models: { [`${id}/m`]: { model: "m", price: { input: 1, output: 1 } } }, ttft: "10ms", throughput: 50, output_tokens: 5 });

function fleet() {
  const clock = new VirtualClock();
  return { clock, fleet: createFakeFleet({ seed: "t", clock, profiles: [profile("one", "https://one.test/v1"), profile("two", "https://two.test/v1")] }) };
}

const request = (url: URL) => ({ method: "POST", url, headers: new Headers(), text: () => Promise.resolve("{}"), signal: undefined });

describe("fleet routing", () => {
  it("routes a URL it has seen before to the same provider, every time", async () => {
    const { clock, fleet: f } = fleet();
    const statuses: number[] = [];
    for (const url of ["https://one.test/v1/chat/completions", "https://two.test/v1/chat/completions", "https://one.test/v1/chat/completions", "https://two.test/v1/nowhere"]) {
      statuses.push((await clock.run(() => f.fetch(url, { method: "POST", body: "not json" }))).status);
    }
    expect(f.journal.entries.map((e) => [e.provider, e.path])).toEqual([
      ["one", "/v1/chat/completions"],
      ["two", "/v1/chat/completions"],
      ["one", "/v1/chat/completions"],
      ["two", "/v1/nowhere"],
    ]);
    expect(statuses).toEqual([400, 400, 400, 404]);
  });

  it("routes a caller's URL afresh on every dispatch, even one changed between calls", async () => {
    const { clock, fleet: f } = fleet();
    const url = new URL("https://one.test/v1/chat/completions");
    await clock.run(async () => f.dispatch(request(url)));
    url.host = "two.test";
    await clock.run(async () => f.dispatch(request(url)));
    url.host = "nobody.test";
    expect(f.dispatch(request(url))).toBeUndefined();
    expect(f.journal.entries.map((e) => e.provider)).toEqual(["one", "two"]);
  });

  it("rejects an unknown host like a DNS failure, however often it is asked", async () => {
    const { fleet: f } = fleet();
    for (let i = 0; i < 2; i++) await expect(f.fetch("https://nobody.test/v1/chat/completions")).rejects.toThrow("fetch failed");
  });
});
