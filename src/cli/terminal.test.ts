import { describe, expect, it } from "vitest";
import { terminalSupport } from "./terminal.js";

const io = (isTTY: boolean, env: Record<string, string | undefined>) => ({ stdout: { write: () => true, isTTY }, env });
const all = { color: true, progress: true };

describe("terminalSupport", () => {
  it("colours and draws a bar on a plain interactive terminal", () => {
    expect(terminalSupport(io(true, { TERM: "xterm-256color" }), all)).toEqual({ color: true, progress: true });
  });

  it.each([
    ["a pipe", false, {}],
    ["TERM=dumb", true, { TERM: "dumb" }],
    ["CI=true", true, { CI: "true" }],
    ["NO_COLOR=1", true, { NO_COLOR: "1" }],
  ])("turns colours off for %s", (_name, isTTY, env) => {
    expect(terminalSupport(io(isTTY, env), all).color).toBe(false);
  });

  it("draws no bar off an interactive terminal, whatever FORCE_COLOR says", () => {
    for (const env of [{ CI: "true" }, { TERM: "dumb" }]) expect(terminalSupport(io(true, { ...env, FORCE_COLOR: "1" }), all)).toEqual({ color: true, progress: false });
    expect(terminalSupport(io(false, { FORCE_COLOR: "1" }), all)).toEqual({ color: true, progress: false });
  });

  it("lets FORCE_COLOR outrank NO_COLOR, and FORCE_COLOR=0 turn colours off", () => {
    expect(terminalSupport(io(false, { FORCE_COLOR: "", NO_COLOR: "1" }), all).color).toBe(true);
    expect(terminalSupport(io(true, { FORCE_COLOR: "0" }), all).color).toBe(false);
  });

  it("ignores an empty NO_COLOR, and always obeys --no-color and --no-progress", () => {
    expect(terminalSupport(io(true, { NO_COLOR: "" }), all).color).toBe(true);
    expect(terminalSupport(io(true, { FORCE_COLOR: "1" }), { color: false, progress: false })).toEqual({ color: false, progress: false });
  });
});
