// The list mode of GET /v1/generations, a gateway-sim extension (the reference gateway documents only
// `?id=` lookups): pages of usage records in log order with a cursor, for incremental polling. It
// also backs the live usage page (`serve`'s /usage), so the two read the log the same way.
import { z } from "zod";
import type { GatewayError } from "../core/errors.js";
import { issuesToDetails } from "../gateway/request/issue-details.js";
import { validationError } from "../gateway/request/validation-error.js";
import type { UsageRecord } from "../gateway/types.js";
import type { UsageLog, UsageLogPage } from "../gateway/usage/usage-log.js";

/** Page sizes, as OpenAI's list endpoints have them: 20 unless asked, at most 100. */
export const LIST_LIMIT = { default: 20, max: 100 } as const;

const wholeNumber = (what: string) =>
  z
    .string()
    .regex(/^[0-9]{1,15}$/, { error: `expected ${what}` })
    .transform(Number);

/** The query of a list request (query parameters are strings; a repeated one is an array, and rejected). */
export const generationsListQuerySchema = z.strictObject({
  after: wholeNumber("a cursor (the `next_cursor` of an earlier page, or 0)").optional(),
  limit: wholeNumber("a whole number of records").pipe(z.number().min(1).max(LIST_LIMIT.max)).optional(),
});

/** A page read from the log, and the cursor to ask for the next one. */
export interface GenerationsPage extends UsageLogPage {
  nextCursor: number;
}

export type ListResult = { ok: true; page: GenerationsPage } | { ok: false; error: GatewayError };

/**
 * Validates a list query and reads that page. A cursor ahead of the log (from before a restart)
 * is a located 400, so a poller starts again instead of waiting for records that will never come.
 *
 * @example
 * const result = listGenerations(gateway.usage, { after: "40", limit: "50" });
 * if (result.ok) result.page.items.map((i) => i.record.id);
 */
export function listGenerations(usage: Pick<UsageLog, "listAfter" | "total">, query: unknown): ListResult {
  const parsed = generationsListQuerySchema.safeParse(query, { reportInput: true });
  if (!parsed.success) return { ok: false, error: validationError(issuesToDetails(parsed.error.issues)) };
  const { after = 0, limit = LIST_LIMIT.default } = parsed.data;
  if (after > usage.total) {
    const message = `cursor ${after} is ahead of the usage log (${usage.total} records so far; did the server restart?): list again without \`after\``;
    return { ok: false, error: validationError([{ message, path: "after", keyword: "cursor" }]) };
  }
  const page = usage.listAfter(after, limit);
  return { ok: true, page: { ...page, nextCursor: page.items.at(-1)?.cursor ?? after } };
}

/** The wire shape of a list page (`object: "list"`, as OpenAI's list endpoints answer). */
export function listBody(page: GenerationsPage): { object: "list"; data: UsageRecord[]; next_cursor: string; has_more: boolean } {
  return { object: "list", data: page.items.map((i) => i.record), next_cursor: String(page.nextCursor), has_more: page.hasMore };
}

/** Whether a query asks for a list rather than one record: no `id`, and at least one parameter. */
export function isListQuery(query: Record<string, unknown>): boolean {
  return query["id"] === undefined && Object.keys(query).length > 0;
}
