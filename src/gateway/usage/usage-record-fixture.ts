// A complete UsageRecord for the usage-log tests; each test overrides what it checks.
import type { UsageRecord } from "../types.js";

export function usageRecord(overrides: Partial<UsageRecord> = {}): UsageRecord {
  return {
    id: "G-0001",
    created_at: "2026-05-19T10:00:00.000Z",
    time_ms: 1_000,
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
}
