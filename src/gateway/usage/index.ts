// Public surface of the usage log.
export type { UsageFilter, UsageLog, UsageLogItem, UsageLogPage } from "./usage-log.js";
export { matchesUsageFilter } from "./usage-log.js";
export { createMemoryUsageLog, type MemoryUsageLogOptions } from "./memory-usage-log.js";
export { toJsonLine, writeJsonLinesTo } from "./json-lines.js";
export {
  DEFAULT_MAX_BUFFERED_BYTES,
  type DroppedRecord,
  jsonLinesSink,
  type JsonLinesSink,
  type JsonLinesSinkOptions,
  type JsonLinesSinkStats,
} from "./json-lines-sink.js";
export { redactSecrets } from "./redact-secrets.js";
