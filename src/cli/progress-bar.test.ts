import { describe, expect, it } from "vitest";
import type { CliIo } from "./io.js";
import { createProgressBar, PROGRESS_MIN_REQUESTS } from "./progress-bar.js";

function io(): CliIo & { text: () => string } {
  let out = "";
  return { stdout: { write: (s: string) => (out += s), isTTY: true, columns: 80 }, stderr: { write: () => true }, cwd: ".", env: {}, text: () => out };
}

describe("progress bar", () => {
  it("redraws in place on long runs and clears before the report", () => {
    const target = io();
    const bar = createProgressBar(target, true);
    bar.update("scenarios/storm.yaml", 250, 1000);
    bar.update("scenarios/storm.yaml", 251, 1000); // same percent: no redraw
    bar.clear();
    const text = target.text();
    expect(text.match(/\r/g)).toHaveLength(2);
    expect(text).toContain(" 25% 250/1000 requests  scenarios/storm.yaml");
    expect(text.endsWith("\r\u001b[K")).toBe(true);
  });

  it("stays silent for short runs and when disabled", () => {
    const short = io();
    createProgressBar(short, true).update("x", 1, PROGRESS_MIN_REQUESTS - 1);
    const off = io();
    createProgressBar(off, false).update("x", 1, 10_000);
    expect(short.text() + off.text()).toBe("");
  });
});
