// Public surface of the usage log.
export type { UsageFilter, UsageLog, UsageLogItem, UsageLogPage } from "./usage-log.js";
export { matchesUsageFilter } from "./usage-log.js";
export { createMemoryUsageLog, type MemoryUsageLogOptions } from "./memory-usage-log.js";
export { jsonLinesSink, toJsonLine, writeJsonLinesTo } from "./json-lines.js";
export { redactSecrets } from "./redact-secrets.js";
