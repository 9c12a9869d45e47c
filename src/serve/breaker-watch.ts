// The gateway's side of a provider's state: its circuit breaker, as each request's routing
// diagnostics show it. `serve` prints a line whenever a provider's breaker changes state.
import type { BreakerState, UsageRecord } from "../gateway/types.js";

/**
 * Returns an observer of usage records that calls `onChange` the first time each provider's breaker
 * is seen in a new state (closed is assumed at the start, so it is not announced until it reopens).
 *
 * @example
 * const watch = breakerWatch((provider, state) => log(`${provider} breaker ${state}`));
 * gatewayOnEvent = (e) => e.type === "request:end" && watch(e.record);
 */
export function breakerWatch(onChange: (provider: string, state: BreakerState, record: UsageRecord) => void): (record: UsageRecord) => void {
  const last = new Map<string, BreakerState>();
  return (record) => {
    for (const ranked of record.routing_diagnostics?.rankedProviders ?? []) {
      const before = last.get(ranked.provider) ?? "closed";
      if (before === ranked.breaker) continue;
      last.set(ranked.provider, ranked.breaker);
      onChange(ranked.provider, ranked.breaker, record);
    }
  };
}
