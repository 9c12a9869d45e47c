// A usage log's `onRecord` sink streaming each record as a JSON line, with a byte bound on what the
// stream has not yet accepted: past it records are dropped and counted, never buffered without end.
import type { UsageRecord } from "../types.js";
import { toJsonLine } from "./json-lines.js";

/** Bytes handed to the stream and not yet accepted by it, past which records are dropped (8 MiB). */
export const DEFAULT_MAX_BUFFERED_BYTES = 8 * 1024 * 1024;

/** A record the sink did not write: its id and the gateway-clock time of its request. */
export interface DroppedRecord {
  id: string;
  time_ms: number;
}

/** What became of every record the sink was given: `received = written + pending + dropped + failed + cutOff`. */
export interface JsonLinesSinkStats {
  received: number;
  /** Records the stream accepted (its write callback came back without an error). */
  written: number;
  /** Records handed to the stream and not yet accepted, and their bytes. */
  pending: number;
  pendingBytes: number;
  /** The byte bound on `pendingBytes` (a record larger than it is still written when nothing is pending). */
  maxBufferedBytes: number;
  /** Records never handed to the stream because the bound was reached; they are not retried. */
  dropped: number;
  /** Spells of dropping: one starts at a drop after the stream accepted a record again. */
  dropSpells: number;
  firstDropped?: DroppedRecord | undefined;
  lastDropped?: DroppedRecord | undefined;
  /** Records lost to the stream's failure: in its buffer when it failed or was destroyed, or given after. */
  failed: number;
  /** The stream's first error (disk full, EPIPE…); nothing is written after it. */
  error?: Error | undefined;
  /** Records still pending when `destroy()` stopped the stream (the one being written perhaps partly in it). */
  cutOff: number;
}

export interface JsonLinesSinkOptions {
  /** The byte bound (default `DEFAULT_MAX_BUFFERED_BYTES`). */
  maxBufferedBytes?: number | undefined;
  /** Called at the first dropped record only (the stats keep counting). Default: a process warning. */
  onDropStart?: ((record: DroppedRecord, stats: Readonly<JsonLinesSinkStats>) => void) | undefined;
  /** Called once, with the stream's first error. Default: a process warning. */
  onError?: ((error: Error, stats: Readonly<JsonLinesSinkStats>) => void) | undefined;
}

/** A sink is the `onRecord` function itself, with its accounting and its end. */
export interface JsonLinesSink {
  (record: UsageRecord): void;
  /** A snapshot of the accounting. */
  stats(): JsonLinesSinkStats;
  /** Ends the stream and settles once it has flushed, or failed; the final stats. */
  close(): Promise<JsonLinesSinkStats>;
  /** Stops at once: destroys the stream, counts what is pending as `cutOff` and settles `close()`. */
  destroy(): JsonLinesSinkStats;
}

function warnByDefault(message: string): void {
  process.emitWarning(message, { code: "GATEWAY_SIM_USAGE_EXPORT" });
}

/**
 * An `onRecord` sink that streams every record to `stream` as it is appended, for runs too long to
 * keep in memory (pair with `maxRecords`). The gateway never waits for the stream: when it lags by
 * `maxBufferedBytes`, records are dropped and counted (see `stats()`), and a stream error stops the
 * export without throwing into the gateway.
 *
 * @example
 * const sink = jsonLinesSink(createWriteStream("usage.jsonl"), { onDropStart: (r) => console.error(`export lagging, dropping from ${r.id}`) });
 * const log = createMemoryUsageLog({ maxRecords: 1000, onRecord: sink });
 * const { dropped } = await sink.close();
 */
export function jsonLinesSink(stream: NodeJS.WritableStream, options: JsonLinesSinkOptions = {}): JsonLinesSink {
  const maxBufferedBytes = options.maxBufferedBytes ?? DEFAULT_MAX_BUFFERED_BYTES;
  if (!Number.isInteger(maxBufferedBytes) || maxBufferedBytes < 1) throw new RangeError(`maxBufferedBytes must be a whole number >= 1, got ${maxBufferedBytes}`);
  const stats: JsonLinesSinkStats = { received: 0, written: 0, pending: 0, pendingBytes: 0, maxBufferedBytes, dropped: 0, dropSpells: 0, failed: 0, cutOff: 0 };
  const onDropStart = options.onDropStart ?? ((r) => warnByDefault(`usage export lagging by ${maxBufferedBytes} bytes: records dropped from ${r.id} on (see the sink's stats)`));
  const onError = options.onError ?? ((e) => warnByDefault(`usage export failed: ${e.message}; later records are not written`));
  let dropping = false;
  let settled = false;
  let ending = false;
  let settle: () => void = () => undefined;
  const done = new Promise<void>((resolve) => (settle = resolve));
  const finish = (): void => {
    settled = true;
    settle();
  };

  stream.on("error", (error: Error) => {
    if (stats.error) return;
    stats.error = error;
    finish();
    onError(error, { ...stats });
  });

  let destroyed = false;
  const accepted = (bytes: number) => (error?: Error | null) => {
    // After destroy() a callback says nothing: a socket reports a write it abandoned as done.
    if (destroyed) return;
    stats.pending -= 1;
    stats.pendingBytes -= bytes;
    if (error) stats.failed += 1;
    else stats.written += 1;
  };

  const sink = (record: UsageRecord): void => {
    stats.received += 1;
    if (stats.error || settled || ending) {
      stats.failed += 1;
      return;
    }
    const chunk = Buffer.from(toJsonLine(record), "utf8");
    // A record larger than the bound still goes out alone, so no record is refused for its size only.
    if (stats.pending > 0 && stats.pendingBytes + chunk.length > maxBufferedBytes) {
      const dropped = { id: record.id, time_ms: record.time_ms };
      stats.dropped += 1;
      stats.firstDropped ??= dropped;
      stats.lastDropped = dropped;
      if (!dropping) {
        dropping = true;
        stats.dropSpells += 1;
        if (stats.dropSpells === 1) onDropStart(dropped, { ...stats });
      }
      return;
    }
    dropping = false;
    stats.pending += 1;
    stats.pendingBytes += chunk.length;
    // The return value (false past the stream's own highWaterMark) is not waited on: the bound above is.
    stream.write(chunk, accepted(chunk.length));
  };

  return Object.assign(sink, {
    stats: (): JsonLinesSinkStats => ({ ...stats }),
    close: async (): Promise<JsonLinesSinkStats> => {
      if (!settled && !ending) {
        ending = true;
        // "close" too: a stream destroyed by its owner never finishes.
        stream.once("finish", finish);
        stream.once("close", finish);
        stream.end();
      }
      await done;
      return { ...stats };
    },
    destroy: (): JsonLinesSinkStats => {
      if (!destroyed) {
        destroyed = true;
        finish();
        stats.cutOff += stats.pending;
        stats.pending = 0;
        stats.pendingBytes = 0;
        (stream as NodeJS.WritableStream & { destroy?: () => void }).destroy?.();
      }
      return { ...stats };
    },
  });
}
