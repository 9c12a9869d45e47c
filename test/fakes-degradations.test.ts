// Every degradation kind applies inside its phase and not outside it; step and linear ramps,
// repeats (flapping), probability, count and sequence triggers — through fleet.fetch on the virtual clock.
import { Ajv2020 } from "ajv/dist/2020.js";
import { describe, expect, it } from "vitest";
import { SseParser } from "../src/core/sse.js";
import type { VirtualClock } from "../src/core/virtual-clock.js";
import { countTokens } from "../src/fakes/content/tokens.js";
import type { FakeFleet } from "../src/fakes/fleet.js";
import type { DegradationPhaseInput } from "../src/fakes/profile/degradation-schema.js";
import { CONTENT_FAULT_TYPES, STREAM_FAULT_TYPES } from "../src/fakes/profile/fault-schema.js";
import { CITY_SCHEMA, OPENAI_URL, START, chatInit, openAiProfile, virtualFleet } from "./fakes-helpers.js";

/** The phase under test runs from 10 s to 20 s; probes go before, inside and after it. */
const PHASE = { at: "10s", duration: "10s" } as const;
const BEFORE = 5_000;
const INSIDE = 12_000;
const AFTER = 25_000;
const validateCity = new Ajv2020({ strict: false }).compile(CITY_SCHEMA);

interface Probe {
  status: number | undefined;
  error: string | undefined;
  text: string;
  ms: number;
}

async function probe(fleet: FakeFleet, clock: VirtualClock, at: number, init: RequestInit, signal?: AbortSignal): Promise<Probe> {
  const wait = START + at - clock.now();
  if (wait > 0) await clock.sleep(wait);
  const start = clock.now();
  try {
    const response = await fleet.fetch(OPENAI_URL, { ...init, signal: signal ?? null });
    const text = await response.text().catch((e: unknown) => `<read failed: ${(e as Error).message}>`);
    return { status: response.status, error: undefined, text, ms: clock.now() - start };
  } catch (error) {
    const e = error as Error & { cause?: { code?: string } };
    return { status: undefined, error: `${e.name}: ${e.message}${e.cause?.code ? ` (${e.cause.code})` : ""}`, text: "", ms: clock.now() - start };
  }
}

/** Probes before, inside and after a phase, each with a fresh fleet so counters and draws do not interfere. */
async function aroundPhase(phase: Omit<DegradationPhaseInput, "at" | "duration">, init: RequestInit = chatInit(), extra = {}): Promise<Probe[]> {
  const { clock, fleet } = virtualFleet([openAiProfile({ latency: "1s", degradations: [{ ...PHASE, ...phase } as DegradationPhaseInput], ...extra })]);
  return clock.run(async () => [await probe(fleet, clock, BEFORE, init), await probe(fleet, clock, INSIDE, init), await probe(fleet, clock, AFTER, init)]);
}

const choiceOf = (p: Probe) => (JSON.parse(p.text) as { choices: { message: { content: string }; finish_reason: string }[] }).choices[0]!;
const streamed = (p: Probe) => {
  const events = new SseParser().push(p.text);
  return {
    data: events.map((e) => e.data),
    text: events
      .flatMap((e) => {
        try {
          return [(JSON.parse(e.data) as { choices?: { delta?: { content?: string } }[] }).choices?.[0]?.delta?.content ?? ""];
        } catch {
          return [];
        }
      })
      .join(""),
  };
};

describe("answer-replacing faults", () => {
  it("http_error answers the status with the provider's body, only inside the phase", async () => {
    const [before, inside, after] = await aroundPhase({ http_error: { status: 503, retry_after: "2s" } });
    expect([before?.status, inside?.status, after?.status]).toEqual([200, 503, 200]);
    expect(JSON.parse(inside!.text)).toMatchObject({ error: { type: "server_error", message: "The engine is currently overloaded, please try again later." } });
  });

  it("connection_error rejects fetch with ECONNREFUSED, only inside the phase", async () => {
    const probes = await aroundPhase({ connection_error: true });
    expect(probes.map((p) => p.error)).toEqual([undefined, "TypeError: fetch failed (ECONNREFUSED)", undefined]);
  });

  it("socket_fault surfaces in-process as the fetch failure a socket fault causes", async () => {
    const probes = await aroundPhase({ socket_fault: "reset" });
    expect(probes.map((p) => p.error)).toEqual([undefined, "TypeError: fetch failed (ECONNRESET)", undefined]);
  });

  it("hang with a limit drops the connection after it; without one it waits for the client to abort", async () => {
    const limited = await aroundPhase({ hang: { for: "7s" } });
    expect(limited.map((p) => [p.ms, p.error])).toEqual([
      [1000, undefined],
      [7000, "TypeError: fetch failed (ECONNRESET)"],
      [1000, undefined],
    ]);
    const { clock, fleet } = virtualFleet([openAiProfile({ degradations: [{ ...PHASE, hang: true }] })]);
    const aborted = await clock.run(async () => {
      const abort = new AbortController();
      const start = clock.now();
      const cancel = clock.schedule(INSIDE - (start - START) + 30_000, () => abort.abort(new DOMException("client timeout", "TimeoutError")));
      const result = await probe(fleet, clock, INSIDE, chatInit(), abort.signal);
      cancel();
      return result;
    });
    expect(aborted).toMatchObject({ ms: 30_000, error: "TimeoutError: client timeout" });
    expect(fleet.journal.entries[0]).toMatchObject({ outcome: "hang", status: undefined, durationMs: 30_000 });
  });
});

describe("speed faults", () => {
  it("latency_multiplier stretches the answer time inside the phase", async () => {
    expect((await aroundPhase({ latency_multiplier: 3 })).map((p) => p.ms)).toEqual([1000, 3000, 1000]);
  });

  it("throughput_multiplier slows generation inside the phase", async () => {
    // No fixed latency: 400 ms to the first token + 40 tokens at 50 tokens/s = 1.2 s; at half speed 2 s.
    const probes = await aroundPhase({ throughput_multiplier: 0.5 }, chatInit(), { latency: undefined });
    expect(probes.map((p) => p.ms)).toEqual([1200, 2000, 1200]);
  });
});

describe("stream faults", () => {
  const init = chatInit({ stream: true, stream_options: { include_usage: true } });
  for (const type of STREAM_FAULT_TYPES) {
    it(`${type} breaks the stream inside the phase only`, async () => {
      const [before, inside, after] = await aroundPhase({ stream_fault: { type, after_chunks: 3 } }, init);
      for (const healthy of [before!, after!]) {
        expect(streamed(healthy).data.at(-1)).toBe("[DONE]");
        expect(countTokens(streamed(healthy).text)).toBe(40);
      }
      const got = streamed(inside!);
      switch (type) {
        case "truncate":
          expect(got.data.at(-1)).not.toBe("[DONE]");
          expect(countTokens(got.text)).toBe(12);
          break;
        case "disconnect":
          expect(inside!.text).toContain("<read failed: terminated>");
          break;
        case "malformed_chunk":
          expect(
            got.data.some(
              (d) =>
                d !== "[DONE]" &&
                (() => {
                  try {
                    JSON.parse(d);
                    return false;
                  } catch {
                    return true;
                  }
                })(),
            ),
          ).toBe(true);
          expect(got.data.at(-1)).toBe("[DONE]");
          break;
        case "missing_final_event":
          expect(got.data.at(-1)).not.toBe("[DONE]");
          expect(got.data.some((d) => d.includes('"finish_reason":"stop"'))).toBe(true);
          break;
        case "error_event":
          expect(JSON.parse(got.data.at(-1)!)).toMatchObject({ error: { type: "server_error" } });
          break;
      }
    });
  }
});

describe("content faults", () => {
  const init = chatInit({ response_format: { type: "json_schema", json_schema: { name: "city", schema: CITY_SCHEMA } } });
  for (const type of CONTENT_FAULT_TYPES) {
    it(`${type} corrupts the answer inside the phase only`, async () => {
      const [before, inside, after] = await aroundPhase({ content_fault: type }, init);
      for (const healthy of [before!, after!]) expect(validateCity(JSON.parse(choiceOf(healthy).message.content))).toBe(true);
      const choice = choiceOf(inside!);
      let parsed: unknown;
      try {
        parsed = JSON.parse(choice.message.content);
      } catch {
        parsed = "<invalid JSON>";
      }
      expect(validateCity(parsed)).toBe(false);
      expect(choice.finish_reason).toBe(type === "truncate_length" ? "length" : "stop");
    });
  }
});

describe("wrong usage", () => {
  it("reports doubled usage inside the phase only", async () => {
    const probes = await aroundPhase({ wrong_usage: "double" });
    const usage = probes.map((p) => (JSON.parse(p.text) as { usage: { completion_tokens: number } }).usage.completion_tokens);
    expect(usage).toEqual([40, 80, 40]);
  });
});

describe("phase shapes", () => {
  it("a linear ramp grows the fault from none at the start to full at the end (step phases above are full at once)", async () => {
    const { clock, fleet } = virtualFleet([openAiProfile({ latency: "10ms", degradations: [{ at: "0s", duration: "100s", ramp: "linear", http_error: { status: 500, probability: 1, after: 0 } }] })]);
    const statuses = await clock.run(async () => {
      const out: (number | undefined)[] = [];
      for (let t = 0; t < 100_000; t += 100) out.push((await probe(fleet, clock, t, chatInit())).status);
      return out;
    });
    const share = (from: number, to: number) => statuses.slice(from, to).filter((s) => s === 500).length / (to - from);
    expect(share(0, 200)).toBeLessThan(0.2);
    expect(share(400, 600)).toBeGreaterThan(0.35);
    expect(share(400, 600)).toBeLessThan(0.65);
    expect(share(800, 1000)).toBeGreaterThan(0.8);
  });

  it("a repeating phase flaps on and off, `times` occurrences only", async () => {
    const { clock, fleet } = virtualFleet([openAiProfile({ latency: "10ms", degradations: [{ at: "10s", duration: "2s", repeat: { every: "10s", times: 3 }, http_error: 503 }] })]);
    const timeline = await clock.run(async () => {
      const out: string[] = [];
      for (const t of [5_000, 10_500, 13_000, 20_500, 23_000, 31_000, 40_500]) out.push(`${t / 1000}s:${(await probe(fleet, clock, t, chatInit())).status}`);
      return out;
    });
    expect(timeline).toEqual(["5s:200", "10.5s:503", "13s:200", "20.5s:503", "23s:200", "31s:503", "40.5s:200"]);
  });

  it("count and sequence triggers hit exactly the requests they name", async () => {
    const { clock, fleet } = virtualFleet([
      openAiProfile({ latency: "10ms", degradations: [{ http_error: { status: 500, count: 3 } }, { at: "1m", http_error: { status: 429, sequence: ["fail", "ok", "fail"] } }] }),
    ]);
    const statuses = await clock.run(async () => {
      const out: (number | undefined)[] = [];
      for (const t of [0, 1000, 2000, 3000, 60_000, 61_000, 62_000, 63_000]) out.push((await probe(fleet, clock, t, chatInit())).status);
      return out;
    });
    expect(statuses).toEqual([500, 500, 500, 200, 429, 200, 429, 200]);
  });

  it("a scenario can degrade and recover a provider at run time", async () => {
    const { clock, fleet } = virtualFleet([openAiProfile({ latency: "10ms" })]);
    const statuses = await clock.run(async () => {
      const first = (await probe(fleet, clock, 1000, chatInit())).status;
      fleet.applyTimelineEvent({ type: "degrade", provider: "openai", phase: { duration: "5s", http_error: 502 } });
      const during = (await probe(fleet, clock, 2000, chatInit())).status;
      const afterWindow = (await probe(fleet, clock, 7000, chatInit())).status;
      fleet.degrade("openai", { http_error: 500 });
      const again = (await probe(fleet, clock, 8000, chatInit())).status;
      fleet.recover("openai");
      const recovered = (await probe(fleet, clock, 9000, chatInit())).status;
      return [first, during, afterWindow, again, recovered];
    });
    expect(statuses).toEqual([200, 502, 200, 500, 200]);
  });

  it("journals the faults applied with their phase", async () => {
    const { clock, fleet } = virtualFleet([
      openAiProfile({ latency: "10ms", degradations: [{ latency_multiplier: 2 }, { content_fault: "markdown_fence" }, { http_error: { status: 500, count: 1 } }] }),
    ]);
    await clock.run(async () => {
      await probe(fleet, clock, 0, chatInit());
      await probe(fleet, clock, 1000, chatInit());
    });
    expect(fleet.journal.entries.map((e) => [e.outcome, e.faults])).toEqual([
      [
        "http_error",
        [
          { phase: 0, kind: "latency_multiplier", detail: "×2", applied: true },
          { phase: 2, kind: "http_error", detail: "500", applied: true },
        ],
      ],
      [
        "ok",
        [
          { phase: 0, kind: "latency_multiplier", detail: "×2", applied: true },
          { phase: 1, kind: "content_fault", detail: "markdown_fence: not a JSON answer", applied: false },
        ],
      ],
    ]);
  });
});
