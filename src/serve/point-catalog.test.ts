import { describe, expect, it } from "vitest";
import { catalogFromProfiles } from "../fakes/profile/to-catalog.js";
import { defineFakeProvider } from "../fakes/profile/schema.js";
import { pointCatalog } from "./point-catalog.js";

const nano = { "openai/gpt-5.4-nano": { model: "gpt-5.4-nano", price: { input: 0.05, output: 0.4 } } };

describe("pointCatalog", () => {
  it("rewrites the providers in the map and leaves the rest", () => {
    const catalog = catalogFromProfiles([defineFakeProvider({ id: "openai", models: nano }), defineFakeProvider({ id: "openai-eu", models: nano })]);
    const local = pointCatalog(catalog, { openai: "http://127.0.0.1:4000/v1" });
    expect(local.providers.openai?.baseUrl).toBe("http://127.0.0.1:4000/v1");
    expect(local.providers["openai-eu"]?.baseUrl).toBe("https://eu.api.openai.com/v1");
    expect(local.models["openai/gpt-5.4-nano"]?.map((o) => o.baseUrl)).toEqual(["http://127.0.0.1:4000/v1", "https://eu.api.openai.com/v1"]);
    expect(catalog.providers.openai?.baseUrl).toBe("https://api.openai.com/v1");
  });
});
