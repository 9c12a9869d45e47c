import { describe, expect, it } from "vitest";
import type { JsonLinesSinkStats } from "../gateway/usage/json-lines-sink.js";
import { liveExportState } from "./usage-export.js";

const stats = (over: Partial<JsonLinesSinkStats>): JsonLinesSinkStats => ({
  received: 0,
  written: 0,
  pending: 0,
  pendingBytes: 0,
  maxBufferedBytes: 16 * 1024,
  dropped: 0,
  dropSpells: 0,
  failed: 0,
  cutOff: 0,
  ...over,
});

describe("liveExportState", () => {
  it("counts what was written, being written, dropped and lost, complete while nothing is missing", () => {
    expect(liveExportState("/tmp/usage.jsonl", "16 KiB", stats({ received: 1201, written: 1200, pending: 1 }))).toEqual({
      file: "/tmp/usage.jsonl",
      written: 1200,
      pending: 1,
      dropped: 0,
      failed: 0,
      error: null,
      complete: true,
      summary: "usage export to /tmp/usage.jsonl: 1,200 records written, 1 being written, 0 dropped, 0 lost to an error",
    });
  });

  it("says why records are dropped, and is no longer complete", () => {
    const state = liveExportState("u.jsonl", "16 KiB", stats({ received: 200, written: 41, dropped: 159, dropSpells: 1 }));
    expect(state).toMatchObject({ written: 41, dropped: 159, complete: false });
    expect(state.summary).toBe("usage export to u.jsonl: 41 records written, 159 dropped (it was 16 KiB behind: the disk or its reader is slower than the traffic), 0 lost to an error");
  });

  it("names the stream's error and what it means for later records", () => {
    const error = new Error("ENOSPC: no space left on device, write");
    const state = liveExportState("/dev/full", "8 MiB", stats({ received: 5, failed: 5, error }));
    expect(state).toMatchObject({ failed: 5, error: error.message, complete: false });
    expect(state.summary).toBe("usage export to /dev/full: 0 records written, 0 dropped, 5 lost to an error (ENOSPC: no space left on device, write); later records are not exported");
  });
});
