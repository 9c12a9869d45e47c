// `serve --export-usage`: the JSON Lines file a served run streams its usage records to, bounded in
// memory, with a warning on stderr when it starts dropping or fails and an exact account at the end.
import { createWriteStream, fstatSync, open } from "node:fs";
import { Socket } from "node:net";
import { promisify } from "node:util";
import { formatDuration } from "../core/duration.js";
import { DEFAULT_MAX_BUFFERED_BYTES, type JsonLinesSink, type JsonLinesSinkStats, jsonLinesSink } from "../gateway/usage/json-lines-sink.js";

/** What a served run's export came to: `complete` when every record reached the file. */
export interface UsageExportOutcome {
  complete: boolean;
  /** One line: the count written, or (incomplete) what is missing and why. */
  message: string;
  stats: JsonLinesSinkStats;
}

/** The export as the live /usage page shows it while the run goes on (every poll). */
export interface LiveExportState {
  file: string;
  /** Records the file (or its reader) accepted. */
  written: number;
  /** Handed to the file and not yet accepted. */
  pending: number;
  /** Dropped while the export was `--export-buffer` behind. */
  dropped: number;
  /** Lost to the stream's failure (disk full, closed pipe…). */
  failed: number;
  /** The stream's error, once it failed. */
  error: string | null;
  /** No record missing so far. */
  complete: boolean;
  /** One line: the counts, and what a drop or a failure means. */
  summary: string;
}

export interface UsageExport {
  sink: JsonLinesSink;
  outcome(): UsageExportOutcome;
  /** The counts so far, for the live page. */
  live(): LiveExportState;
}

/** `8 MiB`, `512 KiB`, `300 B`: the bound as the messages show it. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 && bytes % (1024 * 1024) === 0) return `${bytes / (1024 * 1024)} MiB`;
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KiB`;
  return `${bytes} B`;
}

const plural = (n: number, word: string): string => `${n.toLocaleString("en-US")} ${word}${n === 1 ? "" : "s"}`;

/** Opens `path` for writing; a FIFO waits for its reader. */
async function openExportStream(path: string): Promise<NodeJS.WritableStream> {
  const fd = await promisify(open)(path, "w");
  // A FIFO is written as process.stdout writes a pipe, through libuv's non-blocking pipe I/O: a
  // blocking fs write to a reader that does not read would hold a threadpool thread, and the process
  // with it (even process.exit waits for that thread), until the reader reads.
  if (fstatSync(fd).isFIFO()) return new Socket({ fd, readable: false, writable: true });
  return createWriteStream(path, { fd, encoding: "utf8" });
}

/**
 * Opens `path` (a file, or a FIFO: then this waits for its reader) and wires the bounded sink.
 * `warn` gets the two one-line warnings; `since` turns a clock time into the run's `+1m20s`.
 *
 * @example
 * const exported = await openUsageExport("usage.jsonl", { warn: (l) => process.stderr.write(`${l}\n`), now: () => clock.now(), since });
 */
export async function openUsageExport(
  path: string,
  options: { maxBufferedBytes?: number | undefined; warn: (line: string) => void; now: () => number; since: (at: number) => string },
): Promise<UsageExport> {
  const stream = await openExportStream(path);
  const { warn, since } = options;
  const bound = formatBytes(options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES);
  const sink = jsonLinesSink(stream, {
    maxBufferedBytes: options.maxBufferedBytes,
    onDropStart: (record) =>
      warn(
        `gateway-sim: [${since(options.now())}] usage export to ${path} is ${bound} behind (the disk or its reader is slower than the traffic): ` +
          `dropping records from ${record.id} on, each one counted; the total is reported at shutdown`,
      ),
    onError: (error, stats) => warn(`gateway-sim: usage export to ${path} failed after ${plural(stats.written, "record")}: ${error.message}; later records are not exported, the server keeps serving`),
  });
  return { sink, outcome: () => describeOutcome(path, bound, sink.stats(), since), live: () => liveExportState(path, bound, sink.stats()) };
}

/**
 * `usage export to usage.jsonl: 41 records written, 159 dropped (it was 16 KiB behind: the disk or its
 * reader is slower than the traffic), 0 lost to an error`
 */
export function liveExportState(path: string, bound: string, stats: JsonLinesSinkStats): LiveExportState {
  const dropped = stats.dropped === 0 ? "0 dropped" : `${stats.dropped.toLocaleString("en-US")} dropped (it was ${bound} behind: the disk or its reader is slower than the traffic)`;
  const failed = stats.error
    ? `${stats.failed.toLocaleString("en-US")} lost to an error (${stats.error.message}); later records are not exported`
    : `${stats.failed.toLocaleString("en-US")} lost to an error`;
  const pending = stats.pending === 0 ? "" : `, ${stats.pending.toLocaleString("en-US")} being written`;
  return {
    file: path,
    written: stats.written,
    pending: stats.pending,
    dropped: stats.dropped,
    failed: stats.failed,
    error: stats.error?.message ?? null,
    complete: stats.dropped === 0 && stats.failed === 0 && stats.cutOff === 0 && stats.error === undefined,
    summary: `usage export to ${path}: ${plural(stats.written, "record")} written${pending}, ${dropped}, ${failed}`,
  };
}

function describeOutcome(path: string, bound: string, stats: JsonLinesSinkStats, since: (at: number) => string): UsageExportOutcome {
  const missing = stats.received - stats.written;
  if (missing === 0) return { complete: true, message: `usage records written to ${path} (${plural(stats.written, "record")})`, stats };
  const parts: string[] = [];
  if (stats.dropped > 0 && stats.firstDropped && stats.lastDropped) {
    const spells = stats.dropSpells === 1 ? "" : `, in ${stats.dropSpells} spells`;
    parts.push(
      `${plural(stats.dropped, "record")} dropped while it was ${bound} behind ` +
        `(from ${stats.firstDropped.id}, request at ${since(stats.firstDropped.time_ms)}, to ${stats.lastDropped.id} at ${since(stats.lastDropped.time_ms)}${spells})`,
    );
  }
  if (stats.failed > 0) parts.push(`${plural(stats.failed, "record")} lost when the stream ${stats.error ? `failed (${stats.error.message})` : "was closed"}`);
  if (stats.cutOff > 0) parts.push(`${plural(stats.cutOff, "record")} cut off when it stopped at once (the last perhaps partly in the file)`);
  if (stats.pending > 0) parts.push(`${plural(stats.pending, "record")} still being written`);
  return { complete: false, message: `usage export to ${path} is incomplete: ${stats.written.toLocaleString("en-US")} of ${plural(stats.received, "record")} written; ${parts.join("; ")}`, stats };
}

/** A clock time as the run's offset (`+1m20s`), as the serve log shows its events. */
export function sinceStart(start: number): (at: number) => string {
  return (at) => `+${formatDuration(Math.max(0, Math.round((at - start) / 1000)) * 1000)}`;
}
