import { describe, expect, it } from "vitest";
import { BODY_HIGH_WATER_MARK, type BodySource, PushedBody } from "./pushed-body.js";

/** A source that records what the body asked of it. */
function recordingSource(): BodySource & { calls: string[] } {
  const calls: string[] = [];
  return { calls, pause: () => calls.push("pause"), resume: () => calls.push("resume"), abort: (reason) => calls.push(`abort: ${reason.message}`) };
}

const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);
const text = (chunk: { value?: Uint8Array }): string => new TextDecoder().decode(chunk.value);

describe("PushedBody", () => {
  it("hands the chunks over in order, the same objects, then done once ended", async () => {
    const body = new PushedBody(recordingSource());
    const first = bytes("data: 1\n\n");
    body.push(first);
    body.push(bytes("data: 2\n\n"));
    body.end();
    const one = await body.read();
    expect(one.value).toBe(first);
    expect(text(await body.read())).toBe("data: 2\n\n");
    expect(await body.read()).toEqual({ done: true });
    expect(await body.read()).toEqual({ done: true });
  });

  it("wakes a waiting read when a chunk or the end arrives", async () => {
    const body = new PushedBody(recordingSource());
    const pending = body.read();
    body.push(bytes("late"));
    expect(text(await pending)).toBe("late");
    const last = body.read();
    body.end();
    expect(await last).toEqual({ done: true });
  });

  it("pauses its source once a high-water mark waits unread, and resumes it once read below", async () => {
    const source = recordingSource();
    const body = new PushedBody(source);
    const half = new Uint8Array(BODY_HIGH_WATER_MARK / 2);
    body.push(half);
    expect(source.calls).toEqual([]);
    body.push(half);
    body.push(half);
    expect(source.calls).toEqual(["pause"]);
    await body.read();
    expect(source.calls).toEqual(["pause"]);
    await body.read();
    expect(source.calls).toEqual(["pause", "resume"]);
  });

  it("on failure drops what was queued and rejects every read with the error; later pushes are ignored", async () => {
    const source = recordingSource();
    const body = new PushedBody(source);
    body.push(bytes("unread"));
    const error = new TypeError("terminated");
    body.fail(error);
    body.push(bytes("after"));
    body.end();
    await expect(body.read()).rejects.toBe(error);
    await expect(body.read()).rejects.toBe(error);
    expect(source.calls).toEqual([]);
  });

  it("on cancel ends a pending read, drops the rest and aborts a body still arriving, once", async () => {
    const source = recordingSource();
    const body = new PushedBody(source);
    body.push(bytes("data: 1\n\n"));
    await body.read();
    const pending = body.read();
    body.cancel();
    body.cancel();
    expect(await pending).toEqual({ done: true });
    body.push(bytes("after"));
    expect(await body.read()).toEqual({ done: true });
    expect(source.calls).toEqual(["abort: aborted"]);
  });

  it("does not abort a body that had ended or failed; a cancelled reader reads done even after a failure", async () => {
    const ended = recordingSource();
    const whole = new PushedBody(ended);
    whole.push(bytes("x"));
    whole.end();
    whole.cancel();
    expect(await whole.read()).toEqual({ done: true });
    expect(ended.calls).toEqual([]);
    const failed = recordingSource();
    const cut = new PushedBody(failed);
    cut.fail(new Error("cut"));
    cut.cancel();
    expect(await cut.read()).toEqual({ done: true });
    expect(failed.calls).toEqual([]);
  });

  describe("toWeb", () => {
    it("reads the same chunks through a web stream", async () => {
      const body = new PushedBody(recordingSource());
      body.push(bytes("data: 1\n\n"));
      setTimeout(() => {
        body.push(bytes("data: 2\n\n"));
        body.end();
      }, 5);
      expect(await new Response(body.toWeb()).text()).toBe("data: 1\n\ndata: 2\n\n");
    });

    it("errors with the body's failure", async () => {
      const body = new PushedBody(recordingSource());
      const error = new TypeError("terminated");
      setTimeout(() => body.fail(error), 5);
      const reader = body.toWeb().getReader();
      await expect(reader.read()).rejects.toBe(error);
    });

    it("cancelling the web stream cancels the body, which aborts its source", async () => {
      const source = recordingSource();
      const body = new PushedBody(source);
      body.push(bytes("data: 1\n\n"));
      const reader = body.toWeb().getReader();
      expect((await reader.read()).done).toBe(false);
      await reader.cancel();
      expect(source.calls).toEqual(["abort: aborted"]);
    });
  });
});
