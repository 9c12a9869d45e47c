// The real gateway (default catalog, shipped presets/) with every provider answering from the recorded
// OpenAI fixtures, for tests that need the whole pipeline in-process or behind the real server.
import { fileURLToPath } from "node:url";
import { RealClock } from "../../src/core/clock.js";
import { createRandomFactory } from "../../src/core/random.js";
import { createFakeFleet, profilesFromCatalog } from "../../src/fakes/index.js";
import { loadDefaultCatalog } from "../../src/gateway/catalog/load-catalog.js";
import { createGateway, type Gateway } from "../../src/gateway/create-gateway.js";
import { loadPresetDir } from "../../src/gateway/presets/load-preset-dir.js";
import type { GatewaySettings } from "../../src/gateway/settings.js";
import { fixtureText } from "../../src/providers/__fixtures__/fixtures.js";

/** Every provider answers like OpenAI Chat Completions, from the recorded fixtures. */
export const fixtureFetch: typeof fetch = async (_input, init) => {
  const sent = JSON.parse(String(init?.body ?? "{}")) as { stream?: boolean };
  if (sent.stream) return new Response(fixtureText("openai-chat", "stream-basic.sse"), { status: 200, headers: { "content-type": "text/event-stream" } });
  return new Response(fixtureText("openai-chat", "response-basic.json"), { status: 200, headers: { "content-type": "application/json" } });
};

/**
 * @example
 * const gateway = realGateway({ seed: "t" });
 * await gateway.respond({ model: "openai/gpt-5.4-nano", input: "Hi" });
 */
export function realGateway(options: { seed?: string; fetch?: typeof fetch | "fakes"; settings?: GatewaySettings } = {}): Gateway {
  const catalog = loadDefaultCatalog();
  if (!catalog.ok) throw new Error("default catalog must load");
  const clock = new RealClock();
  // "fakes": every provider of the catalog answers in its own wire format, at once (direct transport).
  const fetch =
    options.fetch === "fakes"
      ? createFakeFleet({ seed: options.seed ?? "real-gateway", clock, profiles: profilesFromCatalog(catalog.value, { latency: "0ms", ttft: "0ms", throughput: 100_000 }), journal: { maxEntries: 0 } })
          .fetch
      : (options.fetch ?? fixtureFetch);
  const presets = loadPresetDir(fileURLToPath(new URL("../../presets", import.meta.url)));
  if (!presets.ok) throw new Error(JSON.stringify(presets.issues));
  return createGateway({
    fetch,
    clock,
    random: createRandomFactory(options.seed ?? "real-gateway"),
    catalog: catalog.value,
    presets: presets.store,
    settings: options.settings,
  });
}
