// JSON Lines output for usage records: one compact JSON object per line, written with
// back-pressure so a 100k-record export does not buffer the whole log in the stream (the live,
// record-by-record sink is json-lines-sink.ts).
import { once } from "node:events";
import { createWriteStream } from "node:fs";
import type { UsageRecord } from "../types.js";

/** One record as one line (with its newline). */
export function toJsonLine(record: UsageRecord): string {
  return `${JSON.stringify(record)}\n`;
}

/**
 * Writes `records` to `target`: a stream is left open (the caller owns it); a path is replaced.
 *
 * @example
 * await writeJsonLinesTo("usage.jsonl", log.list());
 */
export async function writeJsonLinesTo(target: NodeJS.WritableStream | string, records: Iterable<UsageRecord>): Promise<void> {
  if (typeof target !== "string") return writeAll(target, records);
  const file = createWriteStream(target, { encoding: "utf8" });
  const failed = once(file, "error").then(([error]: unknown[]) => Promise.reject(error));
  // Keep an early open error from surfacing as an unhandled rejection before the race below.
  failed.catch(() => undefined);
  await Promise.race([writeAll(file, records), failed]);
  file.end();
  await Promise.race([once(file, "finish"), failed]);
}

async function writeAll(stream: NodeJS.WritableStream, records: Iterable<UsageRecord>): Promise<void> {
  for (const record of records) {
    if (!stream.write(toJsonLine(record))) await once(stream, "drain");
  }
}
