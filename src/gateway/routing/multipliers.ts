// The factors that scale a base score in every mode (routing.ts:471-516, 744-785, 1274-1300):
// latency/throughput preferences (graded at the pin, a flat miss multiplier in the documentation)
// and token affinity.

/**
 * The graded latency preference (routing.ts:471-482): inside the threshold 1 + min(0.2, 0.2 × headroom),
 * outside max(0.35, 1 − min(0.65, 0.5 × overflow)); 1 when unset or ≤ 0.
 *
 * @example
 * latencyPreference(500, 1); // 1.1
 */
export function latencyPreference(latencyMs: number, maxLatencySeconds: number | undefined): number {
  if (!Number.isFinite(latencyMs) || maxLatencySeconds === undefined || maxLatencySeconds <= 0) return 1;
  const thresholdMs = maxLatencySeconds * 1000;
  if (latencyMs <= thresholdMs) return 1 + Math.min(0.2, ((thresholdMs - latencyMs) / thresholdMs) * 0.2);
  return Math.max(0.35, 1 - Math.min(0.65, ((latencyMs - thresholdMs) / thresholdMs) * 0.5));
}

/**
 * The graded throughput preference (routing.ts:484-493): at or above 1 + min(0.2, 0.1 × surplus),
 * below max(0.35, 1 − min(0.65, 0.5 × deficit)); an unseen provider (0 tokens/s) gets 0.5.
 *
 * @example
 * throughputPreference(0, 50); // 0.5
 */
export function throughputPreference(tps: number, minThroughput: number | undefined): number {
  if (!Number.isFinite(tps) || minThroughput === undefined || minThroughput <= 0) return 1;
  if (tps >= minThroughput) return 1 + Math.min(0.2, ((tps - minThroughput) / minThroughput) * 0.1);
  return Math.max(0.35, 1 - Math.min(0.65, ((minThroughput - tps) / minThroughput) * 0.5));
}

/**
 * The documented form: `miss` when the preference is missed, else 1.
 *
 * @example
 * missPreference(true, 0.1); // 0.1
 */
export function missPreference(missed: boolean, miss: number): number {
  return missed ? miss : 1;
}

/**
 * Token affinity (routing.ts:759-785): 0.5 when the request or provider limit is unknown, 0 when the
 * provider's limit is below the request, 1 on an exact match, else clamp(1 − headroom/(4 × requested)).
 *
 * @example
 * tokenAffinity(1000, 3000); // 0.5
 */
export function tokenAffinity(requestedMaxTokens: number | undefined, providerMaxOutputTokens: number | undefined): number {
  if (requestedMaxTokens === undefined || providerMaxOutputTokens === undefined) return 0.5;
  if (providerMaxOutputTokens < requestedMaxTokens) return 0;
  const headroom = providerMaxOutputTokens - requestedMaxTokens;
  if (headroom === 0) return 1;
  return Math.max(0, Math.min(1, 1 - headroom / (requestedMaxTokens * 2 * 2)));
}
