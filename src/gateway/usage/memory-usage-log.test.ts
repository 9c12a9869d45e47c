import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { describe, expect, it } from "vitest";
import { jsonLinesSink } from "./json-lines-sink.js";
import { createMemoryUsageLog } from "./memory-usage-log.js";
import { usageRecord } from "./usage-record-fixture.js";

const records = [
  usageRecord({ id: "G-1", time_ms: 100, preset: "release-summary", model: "openai/gpt-5.4-mini" }),
  usageRecord({ id: "G-2", time_ms: 200, selected_provider: "openai-eu" }),
  usageRecord({ id: "G-3", time_ms: 300, status: "failed", http_status: 502, error_code: "upstream_error", selected_provider: null }),
];

describe("createMemoryUsageLog", () => {
  it("stores records by id and lists them in order, filtered", () => {
    const log = createMemoryUsageLog();
    for (const record of records) log.append(record);
    expect(log.get("G-2")?.selected_provider).toBe("openai-eu");
    expect(log.get("G-9")).toBeUndefined();
    expect(log.list().map((r) => r.id)).toEqual(["G-1", "G-2", "G-3"]);
    expect(log.list({ preset: "release-summary" }).map((r) => r.id)).toEqual(["G-1"]);
    expect(log.list({ provider: "openai-eu" }).map((r) => r.id)).toEqual(["G-2"]);
    expect(log.list({ status: "failed", errorCode: "upstream_error" }).map((r) => r.id)).toEqual(["G-3"]);
    expect(log.list({ since: 200, until: 300 }).map((r) => r.id)).toEqual(["G-2"]);
    expect(log.list({ limit: 2 }).map((r) => r.id)).toEqual(["G-1", "G-2"]);
    expect(log.size).toBe(3);
  });

  it("keeps only the newest maxRecords but counts and forwards every record", () => {
    const seen: string[] = [];
    const log = createMemoryUsageLog({ maxRecords: 2, onRecord: (r) => seen.push(r.id) });
    for (const record of records) log.append(record);
    expect(log.list().map((r) => r.id)).toEqual(["G-2", "G-3"]);
    expect(log.get("G-1")).toBeUndefined();
    expect([log.size, log.total]).toEqual([2, 3]);
    expect(seen).toEqual(["G-1", "G-2", "G-3"]);
  });

  it("with maxRecords 0 holds nothing and only streams", () => {
    const sink = new PassThrough();
    const log = createMemoryUsageLog({ maxRecords: 0, onRecord: jsonLinesSink(sink) });
    for (const record of records) log.append(record);
    expect(log.size).toBe(0);
    expect(log.total).toBe(3);
    const lines = String(sink.read()).trimEnd().split("\n");
    expect(lines.map((line) => (JSON.parse(line) as { id: string }).id)).toEqual(["G-1", "G-2", "G-3"]);
  });

  it("refuses a negative or fractional maxRecords", () => {
    expect(() => createMemoryUsageLog({ maxRecords: -1 })).toThrow(RangeError);
    expect(() => createMemoryUsageLog({ maxRecords: 1.5 })).toThrow(RangeError);
  });

  it("never stores an API key, even one echoed by an upstream error", () => {
    const log = createMemoryUsageLog({ secrets: ["client-key-123"] });
    log.append(
      usageRecord({
        id: "G-7",
        attempts: [{ attempt: 1, provider: "openai", outcome: "upstream_non_2xx", status: 401, duration_ms: 5, message: "Incorrect API key provided: sk-proj-abcdefghijklmnop (client-key-123)" }],
      }),
    );
    const text = log.toJsonLines();
    expect(text).not.toContain("sk-proj-abcdefghijklmnop");
    expect(text).not.toContain("client-key-123");
    expect(log.get("G-7")?.attempts[0]?.message).toBe("Incorrect API key provided: sk-[redacted] ([redacted])");
  });

  it("exports JSON Lines as a string, to a stream and to a file", async () => {
    const log = createMemoryUsageLog();
    for (const record of records) log.append(record);
    const text = log.toJsonLines();
    expect(text.endsWith("\n")).toBe(true);
    expect(
      text
        .trimEnd()
        .split("\n")
        .map((line) => JSON.parse(line) as unknown),
    ).toEqual(records);

    const stream = new PassThrough();
    await log.writeJsonLines(stream);
    expect(String(stream.read())).toBe(text);

    const dir = mkdtempSync(join(tmpdir(), "usage-"));
    try {
      await log.writeJsonLines(join(dir, "usage.jsonl"));
      expect(readFileSync(join(dir, "usage.jsonl"), "utf8")).toBe(text);
      await expect(log.writeJsonLines(join(dir, "missing", "usage.jsonl"))).rejects.toThrow(/ENOENT/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("replaces a record appended twice under one id", () => {
    const log = createMemoryUsageLog();
    log.append(usageRecord({ id: "G-1", latency_ms: 1 }));
    log.append(usageRecord({ id: "G-1", latency_ms: 2 }));
    expect(log.list().map((r) => r.latency_ms)).toEqual([2]);
  });

  it("lists in pages after a cursor; cursors survive eviction and a re-appended record moves on", () => {
    const log = createMemoryUsageLog({ maxRecords: 3 });
    for (const id of ["G-1", "G-2", "G-3"]) log.append(usageRecord({ id }));
    const first = log.listAfter(0, 2);
    expect(first.items.map((i) => [i.cursor, i.record.id])).toEqual([
      [1, "G-1"],
      [2, "G-2"],
    ]);
    expect(first.hasMore).toBe(true);
    expect(log.listAfter(2, 2)).toEqual({ items: [{ cursor: 3, record: log.get("G-3") }], hasMore: false });
    expect(log.listAfter(3, 2)).toEqual({ items: [], hasMore: false });
    log.append(usageRecord({ id: "G-4" }));
    log.append(usageRecord({ id: "G-2", latency_ms: 7 }));
    // G-1 was evicted; G-2 came back as the newest record, so a reader at cursor 1 sees it once, last.
    expect(log.listAfter(1, 10).items.map((i) => [i.cursor, i.record.id])).toEqual([
      [3, "G-3"],
      [4, "G-4"],
      [5, "G-2"],
    ]);
    expect(log.listAfter(4, 10).items.map((i) => i.record.latency_ms)).toEqual([7]);
  });
});
