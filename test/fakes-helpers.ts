// Shared fixtures for the fakes' end-to-end tests: profiles, request bodies and a runner.
import type { Clock } from "../src/core/clock.js";
import { VirtualClock } from "../src/core/virtual-clock.js";
import { createFakeFleet, type FakeFleet } from "../src/fakes/fleet.js";
import { defineFakeProvider, type FakeProviderProfile, type FakeProviderProfileInput } from "../src/fakes/profile/schema.js";

export const OPENAI_URL = "https://api.openai.com/v1/chat/completions";
export const ANTHROPIC_URL = "https://api.anthropic.com/v1/messages";
export const START = Date.UTC(2026, 0, 1);

export function openAiProfile(extra: Partial<FakeProviderProfileInput> = {}): FakeProviderProfile {
  return defineFakeProvider({
    id: "openai",
    models: { "openai/gpt-5.4-nano": { model: "gpt-5.4-nano", price: { input: 0.05, output: 0.4 }, max_output_tokens: 4096 } },
    ttft: "400ms",
    throughput: 50,
    output_tokens: 40,
    ...extra,
  });
}

export function anthropicProfile(extra: Partial<FakeProviderProfileInput> = {}): FakeProviderProfile {
  return defineFakeProvider({
    id: "anthropic",
    models: { "anthropic/claude-opus-4-6": { model: "claude-opus-4-6", price: { input: 5, output: 25 } } },
    ttft: "400ms",
    throughput: 50,
    output_tokens: 40,
    ...extra,
  });
}

export const CITY_SCHEMA = {
  type: "object",
  properties: { city: { type: "string" }, population: { type: "integer", minimum: 0 }, kind: { type: "string", enum: ["capital", "town"] } },
  required: ["city", "population", "kind"],
  additionalProperties: false,
};

export function chatInit(extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body: JSON.stringify({ model: "gpt-5.4-nano", messages: [{ role: "user", content: "Name a city." }], ...extra }),
  };
}

export function messagesInit(extra: Record<string, unknown> = {}, headers: Record<string, string> = {}): RequestInit {
  return {
    method: "POST",
    headers: { "content-type": "application/json", "anthropic-version": "2023-06-01", ...headers },
    body: JSON.stringify({ model: "claude-opus-4-6", max_tokens: 1024, messages: [{ role: "user", content: "Name a city." }], ...extra }),
  };
}

/** A fleet on a fresh virtual clock. */
export function virtualFleet(profiles: FakeProviderProfile[], seed = "seed-1"): { clock: VirtualClock; fleet: FakeFleet } {
  const clock = new VirtualClock({ start: START });
  return { clock, fleet: createFakeFleet({ seed, clock, profiles }) };
}

/** Reads a response body to the end, noting the simulated time each piece arrived. */
export async function readTimed(response: Response, clock: Clock): Promise<{ at: number; text: string }[]> {
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const pieces: { at: number; text: string }[] = [];
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return pieces;
    pieces.push({ at: clock.now(), text: decoder.decode(value, { stream: true }) });
  }
}

export function quantile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] as number;
}
