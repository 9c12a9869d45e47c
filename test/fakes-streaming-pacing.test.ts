// A fake streaming at 50 tokens/s after a 400 ms first token: on the virtual clock the reader sees
// the first chunk at 400 ms and one 4-token chunk every 80 ms after; over express with a real
// clock the same within a stated tolerance.
import { describe, expect, it } from "vitest";
import { RealClock } from "../src/core/clock.js";
import { SseParser } from "../src/core/sse.js";
import { createFakeFleet } from "../src/fakes/fleet.js";
import { startExpressFakes } from "../src/fakes/transports/express.js";
import { OPENAI_URL, chatInit, openAiProfile, readTimed, virtualFleet } from "./fakes-helpers.js";

/** 40 tokens at 4 per chunk: 10 content chunks, 80 ms apart at 50 tokens/s. */
const profile = () => openAiProfile({ ttft: "400ms", throughput: 50, output_tokens: 40, chunk_tokens: 4 });

function contentTimes(pieces: { at: number; text: string }[], start: number): number[] {
  const parser = new SseParser();
  const times: number[] = [];
  for (const piece of pieces) {
    for (const event of parser.push(piece.text)) {
      if (event.data === "[DONE]") continue;
      const chunk = JSON.parse(event.data) as { choices: { delta: { content?: string } }[] };
      if (chunk.choices[0]?.delta.content) times.push(piece.at - start);
    }
  }
  return times;
}

describe("stream pacing", () => {
  it("on the virtual clock: first chunk at exactly 400 ms, then every 80 ms", async () => {
    const { clock, fleet } = virtualFleet([profile()]);
    const times = await clock.run(async () => {
      const start = clock.now();
      const response = await fleet.fetch(OPENAI_URL, chatInit({ stream: true }));
      expect(clock.now() - start).toBe(0); // headers come at once; tokens follow
      return contentTimes(await readTimed(response, clock), start);
    });
    expect(times).toEqual([400, 480, 560, 640, 720, 800, 880, 960, 1040, 1120]);
  });

  // Wall-clock upper bounds depend on the machine's load (a shared CI runner made this test fail at
  // 171 ms late), and so do gaps as the reader sees them (a reader late for one chunk sees the next
  // sooner: 75 ms on average at load 8). What a pacing fake guarantees is that nothing comes early:
  // chunk k no sooner than 400 + 80·k ms after the request. The exact schedule is the virtual-clock
  // test's above.
  it("over express with a real clock: no chunk before its time (400 ms, then every 80 ms)", async () => {
    const clock = new RealClock();
    const fleet = createFakeFleet({ seed: "pacing", clock, profiles: [profile()] });
    const fakes = await startExpressFakes(fleet);
    try {
      const start = clock.now();
      const response = await fetch(`${fakes.urls.openai}/chat/completions`, chatInit({ stream: true }));
      const times = contentTimes(await readTimed(response, clock), start);
      expect(times).toHaveLength(10);
      // Each timer may fire up to a millisecond "early" by Date.now()'s rounding, and the sleeps add up.
      const early = times.flatMap((at, k) => (at < 400 + 80 * k - (k + 1) ? [`chunk ${k} at ${at} ms, due at ${400 + 80 * k} ms`] : []));
      expect(early).toEqual([]);
    } finally {
      await fakes.close();
    }
  });
});
