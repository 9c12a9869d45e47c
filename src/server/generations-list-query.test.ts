import { describe, expect, it } from "vitest";
import { createMemoryUsageLog } from "../gateway/usage/memory-usage-log.js";
import { usageRecord } from "../gateway/usage/usage-record-fixture.js";
import { isListQuery, LIST_LIMIT, listBody, listGenerations } from "./generations-list-query.js";

function logOf(count: number, maxRecords?: number) {
  const log = createMemoryUsageLog(maxRecords === undefined ? {} : { maxRecords });
  for (let i = 1; i <= count; i++) log.append(usageRecord({ id: `G-${i}` }));
  return log;
}

function ids(query: unknown, log = logOf(5)): { ids: string[]; next: string; more: boolean } {
  const result = listGenerations(log, query);
  if (!result.ok) throw new Error(result.error.message);
  const body = listBody(result.page);
  return { ids: body.data.map((r) => r.id), next: body.next_cursor, more: body.has_more };
}

function problem(query: unknown, log = logOf(5)) {
  const result = listGenerations(log, query);
  if (result.ok) throw new Error("expected a 400");
  return { status: result.error.status, code: result.error.code, details: result.error.details };
}

describe("listGenerations", () => {
  it("pages through the log in order, each next_cursor continuing where the page ended", () => {
    expect(ids({ limit: "2" })).toEqual({ ids: ["G-1", "G-2"], next: "2", more: true });
    expect(ids({ after: "2", limit: "2" })).toEqual({ ids: ["G-3", "G-4"], next: "4", more: true });
    expect(ids({ after: "4", limit: "2" })).toEqual({ ids: ["G-5"], next: "5", more: false });
    // Nothing new: the same cursor comes back, to poll with again.
    expect(ids({ after: "5" })).toEqual({ ids: [], next: "5", more: false });
  });

  it("returns 20 records unless asked, and at most 100", () => {
    const log = logOf(150);
    expect(ids({ after: "0" }, log).ids).toHaveLength(LIST_LIMIT.default);
    expect(ids({ limit: "100" }, log).ids).toHaveLength(100);
    expect(problem({ limit: "101" }, log).details).toEqual([{ path: "limit", keyword: "maximum", message: "must be <= 100 (got 101)" }]);
  });

  it("resumes at the oldest retained record when the reader fell behind the retention", () => {
    expect(ids({ after: "1", limit: "10" }, logOf(6, 3))).toEqual({ ids: ["G-4", "G-5", "G-6"], next: "6", more: false });
  });

  it("rejects bad parameters with located 400 validation errors", () => {
    expect(problem({ limit: "0" })).toMatchObject({ status: 400, code: "validation_error", details: [{ path: "limit", keyword: "minimum" }] });
    expect(problem({ limit: "ten" }).details).toEqual([{ path: "limit", keyword: "pattern", message: "expected a whole number of records" }]);
    expect(problem({ after: "-1" }).details?.[0]).toMatchObject({ path: "after", keyword: "pattern" });
    expect(problem({ after: ["1", "2"] }).details?.[0]).toMatchObject({ path: "after", keyword: "type", message: "expected string, got array" });
    expect(problem({ afterr: "1" }).details).toEqual([{ path: "afterr", keyword: "unknown_parameter", message: 'unknown parameter "afterr"' }]);
  });

  it("rejects a cursor ahead of the log (a restarted server) so a poller starts over", () => {
    const { details } = problem({ after: "9" });
    expect(details).toEqual([{ path: "after", keyword: "cursor", message: expect.stringContaining("cursor 9 is ahead of the usage log (5 records so far") }]);
  });
});

describe("isListQuery", () => {
  it("lists when there is no id and some parameter; an id (even with others) is a lookup", () => {
    expect(isListQuery({ after: "0" })).toBe(true);
    expect(isListQuery({ limit: "5" })).toBe(true);
    expect(isListQuery({})).toBe(false);
    expect(isListQuery({ id: "G-1", limit: "5" })).toBe(false);
  });
});
