import { describe, expect, it } from "vitest";
import { buildRoutes, matchRoute } from "./fleet-routes.js";

const routes = buildRoutes([
  { id: "openai", baseUrl: "https://api.openai.com/v1" },
  { id: "together", baseUrl: "https://api.together.xyz/v1" },
  { id: "deepinfra", baseUrl: "https://api.deepinfra.com/v1/openai" },
  { id: "deepinfra-raw", baseUrl: "https://api.deepinfra.com/v1" },
]);

describe("fleet routes", () => {
  it("routes by host and the longest base path", () => {
    expect(matchRoute(routes, new URL("https://api.openai.com/v1/chat/completions"))).toEqual({ provider: "openai", relativePath: "/chat/completions" });
    expect(matchRoute(routes, new URL("https://api.deepinfra.com/v1/openai/chat/completions"))).toEqual({ provider: "deepinfra", relativePath: "/chat/completions" });
    expect(matchRoute(routes, new URL("https://api.deepinfra.com/v1/chat/completions"))).toEqual({ provider: "deepinfra-raw", relativePath: "/chat/completions" });
  });

  it("sends unknown paths on a known host to that host's fake and unknown hosts nowhere", () => {
    expect(matchRoute(routes, new URL("https://api.openai.com/v2/x"))).toEqual({ provider: "openai", relativePath: "/v2/x" });
    expect(matchRoute(routes, new URL("https://api.mistral.ai/v1/chat/completions"))).toBeUndefined();
  });

  it("refuses two providers on one base URL", () => {
    expect(() =>
      buildRoutes([
        { id: "a", baseUrl: "https://x.test/v1" },
        { id: "b", baseUrl: "https://x.test/v1/" },
      ]),
    ).toThrow('fake providers "a" and "b" share the base URL');
  });
});
