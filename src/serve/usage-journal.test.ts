import { describe, expect, it } from "vitest";
import { MAX_BODY_CHARS } from "../scenarios/report/request-detail.js";
import { createUsageJournal } from "./usage-journal.js";

describe("createUsageJournal", () => {
  it("names an answer by the very body object it was sent with, and cuts long bodies", () => {
    const journal = createUsageJournal(10);
    const planned = { input: "x".repeat(2 * MAX_BODY_CHARS) };
    journal.expectName(planned, "long-one");
    journal.noteAnswer("G-1", planned, undefined);
    journal.noteAnswer("G-2", { ...planned }, { ok: true });
    expect(journal.get("G-1")).toEqual({ name: "long-one", request: { text: JSON.stringify(planned).slice(0, MAX_BODY_CHARS), truncated: true }, response: null });
    expect(journal.get("G-2")).toEqual({ name: null, request: expect.objectContaining({ truncated: true }), response: { text: '{"ok":true}', truncated: false } });
  });

  it("forgets the oldest entries beyond its size", () => {
    const journal = createUsageJournal(2);
    for (const id of ["G-1", "G-2", "G-3"]) journal.noteAnswer(id, "text body", { id });
    expect([journal.get("G-1"), journal.get("G-2")?.request?.text, journal.get("G-3")?.response?.text]).toEqual([undefined, '"text body"', '{"id":"G-3"}']);
  });
});
