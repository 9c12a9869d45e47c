import { describe, expect, it } from "vitest";
import type { JournalEntry } from "./entry.js";
import { createJournal } from "./journal.js";

const entry = (seq: number, provider = "openai", status = 200): JournalEntry => ({
  seq,
  provider,
  format: "openai-chat",
  start: 0,
  end: 1,
  durationMs: 1,
  method: "POST",
  path: "/v1/chat/completions",
  model: "m",
  gatewayModel: "o/m",
  stream: false,
  request: undefined,
  draws: undefined,
  queue: undefined,
  faults: status === 200 ? [] : [{ phase: 0, kind: "http_error", detail: String(status), applied: true }],
  outcome: status === 200 ? "ok" : "http_error",
  status,
  responseId: undefined,
  events: undefined,
  chunks: undefined,
  finishReason: undefined,
  usage: undefined,
});

describe("createJournal", () => {
  it("keeps every entry by default and tells listeners", () => {
    const seen: number[] = [];
    const journal = createJournal({ onEntry: (e) => seen.push(e.seq) });
    const unsubscribe = journal.subscribe((e) => seen.push(-e.seq));
    journal.record(entry(1));
    unsubscribe();
    journal.record(entry(2));
    expect(journal.entries.map((e) => e.seq)).toEqual([1, 2]);
    expect(seen).toEqual([1, -1, 2]);
    expect(journal.toJsonLines().split("\n")).toHaveLength(3);
  });

  it("bounds retained entries while the summary counts every call", () => {
    const journal = createJournal({ maxEntries: 3 });
    for (let i = 1; i <= 10_000; i++) journal.record(entry(i, i % 2 ? "openai" : "anthropic", i % 10 === 0 ? 503 : 200));
    expect(journal.entries.map((e) => e.seq)).toEqual([9998, 9999, 10_000]);
    expect(journal.total).toBe(10_000);
    const summary = journal.summary();
    expect(summary.byProvider.anthropic).toEqual({ calls: 5000, outcomes: { ok: 4000, http_error: 1000 }, statuses: { "200": 4000, "503": 1000 }, faults: { http_error: 1000 } });
  });
});
