import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { makeOutcome } from "../expect/outcome.fixture.js";
import { decisionOf } from "./decision.js";
import { diffDecisions } from "./diff-decisions.js";
import { checkSnapshot, serializeSnapshot, snapshotPath } from "./snapshot-file.js";

const decisions = [makeOutcome(0), makeOutcome(1, { selected_provider: "openai-eu" })].map(decisionOf);

describe("routing snapshots", () => {
  it("records the decision of a request without timings or scores", () => {
    expect(decisions[0]).toEqual({
      i: 0,
      id: "G-0000",
      at: 0,
      name: "extract",
      selected: "openai",
      ranked: ["openai", "openai-eu"],
      attempts: ["openai:success:200"],
      healing: null,
      cache: "miss",
      status: "completed 200",
    });
  });

  it("lives in __snapshots__ beside the scenario, one decision per line", () => {
    expect(snapshotPath("scenarios/order.yaml")).toBe(join("scenarios", "__snapshots__", "order.snap.json"));
    const text = serializeSnapshot({ scenario: "order", seed: "1", decisions });
    expect(text.split("\n").filter((l) => l.includes('"id"'))).toHaveLength(2);
    expect(JSON.parse(text)).toEqual({ scenario: "order", seed: "1", decisions });
  });

  it("writes a missing snapshot, matches it, and reports a readable diff on change", () => {
    const dir = mkdtempSync(join(tmpdir(), "gateway-sim-snap-"));
    const file = join(dir, "order.yaml");
    const snap = { scenario: "order", seed: "1", decisions };
    expect(checkSnapshot(file, snap, "none").status).toBe("missing");
    expect(checkSnapshot(file, snap, "new").status).toBe("written");
    expect(checkSnapshot(file, snap, "new").status).toBe("matched");
    const changed = { ...snap, decisions: [decisions[0]!, { ...decisions[1]!, selected: "openai", attempts: ["openai:success:200"] }] };
    const outcome = checkSnapshot(file, changed, "new");
    expect(outcome.status).toBe("mismatch");
    expect(outcome.diff).toEqual(["request #1 (G-0001 at 1s): selected: expected openai-eu, actual openai"]);
    expect(checkSnapshot(file, changed, "update").status).toBe("updated");
    expect(readFileSync(snapshotPath(file), "utf8")).toBe(serializeSnapshot(changed));
    writeFileSync(snapshotPath(file), "{ not json");
    expect(checkSnapshot(file, changed, "new").status).toBe("mismatch");
  });

  it("limits the diff to the first differing requests and counts the rest", () => {
    const many = Array.from({ length: 8 }, (_, i) => decisionOf(makeOutcome(i)));
    const other = many.map((d) => ({ ...d, cache: "hit" }));
    const lines = diffDecisions(many, [...other, decisionOf(makeOutcome(8))], 2);
    expect(lines[0]).toBe("request count: expected 8, actual 9");
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe("… and 6 more differing requests");
  });
});
