// The full detail of one request as the usage request dialog shows it: routing diagnostics,
// attempts, plugin executions, cache status, and the bodies (truncated so reports stay bounded).
import type { PluginExecution, RankedProvider, ResponseCacheInfo, RoutingDiagnostics, UsageRecord } from "../../gateway/types.js";
import { roundFactor, roundMs, roundUsd } from "./request-rows.js";

/** Bodies longer than this (as JSON text) are cut, with `truncated` set. */
export const MAX_BODY_CHARS = 1000;

export interface BodyText {
  text: string;
  truncated: boolean;
}

/** The record's own fields as the dialog shows them, then the renamed and added ones. */
export interface RequestDetail
  extends Pick<
    UsageRecord,
    | "id"
    | "created_at"
    | "model"
    | "preset"
    | "selected_provider"
    | "status"
    | "http_status"
    | "error_code"
    | "stream"
    | "latency_ms"
    | "ttft_ms"
    | "throughput_tps"
    | "usage"
    | "cost_usd"
    | "attempts"
  > {
  index: number;
  routing: RoutingDiagnostics | null;
  plugins: PluginExecution[];
  cache: ResponseCacheInfo | null;
  request_body: BodyText | null;
  response_body: BodyText | null;
}

/**
 * @example
 * bodyText({ input: "Hi" }); // { text: '{"input":"Hi"}', truncated: false }
 */
export function bodyText(body: unknown): BodyText | null {
  if (body === undefined) return null;
  const text = JSON.stringify(body) ?? String(body);
  return text.length > MAX_BODY_CHARS ? { text: text.slice(0, MAX_BODY_CHARS), truncated: true } : { text, truncated: false };
}

function rankedDetail(r: RankedProvider): RankedProvider {
  const scoreFactors = { ...r.scoreFactors };
  for (const key of Object.keys(scoreFactors) as (keyof typeof scoreFactors)[]) scoreFactors[key] = roundFactor(scoreFactors[key]);
  return { ...r, score: roundFactor(r.score), scoreFactors };
}

function routingDetail(d: RoutingDiagnostics | null): RoutingDiagnostics | null {
  return d && { ...d, rankedProviders: d.rankedProviders.map(rankedDetail) };
}

/**
 * @example
 * requestDetail(record, 12, request.body, responseBody).routing?.rankedProviders[0]?.scoreFactors;
 */
export function requestDetail(record: UsageRecord, index: number, requestBody: unknown, responseBody: unknown): RequestDetail {
  return {
    id: record.id,
    index,
    created_at: record.created_at,
    model: record.model,
    preset: record.preset,
    selected_provider: record.selected_provider,
    status: record.status,
    http_status: record.http_status,
    error_code: record.error_code,
    stream: record.stream,
    latency_ms: roundMs(record.latency_ms),
    ttft_ms: record.ttft_ms === null ? null : roundMs(record.ttft_ms),
    throughput_tps: record.throughput_tps === null ? null : roundFactor(record.throughput_tps),
    usage: record.usage,
    cost_usd: roundUsd(record.cost_usd),
    attempts: record.attempts.map((a) => ({ ...a, duration_ms: roundMs(a.duration_ms) })),
    routing: routingDetail(record.routing_diagnostics),
    plugins: record.plugin_executions,
    cache: record.response_cache,
    request_body: bodyText(requestBody),
    response_body: bodyText(responseBody),
  };
}
