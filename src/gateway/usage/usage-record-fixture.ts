// A complete UsageRecord for the usage-log tests; each test overrides what it checks. The reference
// columns are derived from the gateway-sim fields (after the overrides), as the pipeline derives them.
import type { UsageRecord } from "../types.js";
import { columnsOfOwnFields, type OwnRecordFields } from "./reference-columns.js";

export function usageRecord(overrides: Partial<UsageRecord> = {}): UsageRecord {
  const own: OwnRecordFields = {
    id: "G-0001",
    created_at: "2026-05-19T10:00:00.000Z",
    time_ms: 1_000,
    seq: 0,
    preset: null,
    model: "openai/gpt-5.4-nano",
    selected_provider: "openai",
    status: "completed",
    http_status: 200,
    error_code: null,
    stream: false,
    latency_ms: 420,
    ttft_ms: null,
    throughput_tps: null,
    gateway_overhead_ms: 3,
    usage: { input_tokens: 12, output_tokens: 30, total_tokens: 42 },
    cost_usd: 0.0000126,
    attempts: [{ attempt: 1, provider: "openai", outcome: "success", status: 200, duration_ms: 417 }],
    routing_diagnostics: null,
    plugin_executions: [],
    response_cache: null,
    ...overrides,
  };
  const finishReason = own.status === "incomplete" ? "length" : own.status === "completed" ? "stop" : null;
  const columns = columnsOfOwnFields(own, { generationMs: null, overheadMs: null, finishReason });
  return { ...columns, ...own, ...overrides };
}
