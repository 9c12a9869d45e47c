import { describe, expect, it } from "vitest";
import { phaseWindow } from "./phase-window.js";

describe("phaseWindow", () => {
  it("is inactive before the start and after the duration", () => {
    const phase = { at: 1000, duration: 500, repeat: undefined };
    expect(phaseWindow(phase, 999)).toBeUndefined();
    expect(phaseWindow(phase, 1000)).toEqual({ occurrence: 0, progress: 0 });
    expect(phaseWindow(phase, 1250)).toEqual({ occurrence: 0, progress: 0.5 });
    expect(phaseWindow(phase, 1500)).toBeUndefined();
  });

  it("lasts forever without a duration", () => {
    expect(phaseWindow({ at: 0, duration: undefined, repeat: undefined }, 1e9)).toEqual({ occurrence: 0, progress: 1 });
  });

  it("repeats for flapping, counting occurrences, and stops after `times`", () => {
    const phase = { at: 60_000, duration: 10_000, repeat: { every: 30_000, times: 3 } };
    expect(phaseWindow(phase, 95_000)).toEqual({ occurrence: 1, progress: 0.5 });
    expect(phaseWindow(phase, 100_000)).toBeUndefined();
    expect(phaseWindow(phase, 120_000)).toEqual({ occurrence: 2, progress: 0 });
    expect(phaseWindow(phase, 150_000)).toBeUndefined();
  });

  it("repeats forever without `times`", () => {
    expect(phaseWindow({ at: 0, duration: 1, repeat: { every: 10, times: undefined } }, 1_000_000)?.occurrence).toBe(100_000);
  });
});
