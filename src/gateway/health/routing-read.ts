// Routing's read of a health store: the built-in store's own view, refreshed in place (nothing
// allocated per candidate per request), and `get` for a store of the user's own.
import type { HealthStore, ProviderHealth } from "../types.js";

/**
 * The key of the store's read for routing: the pair's own view, refreshed in place, so a routing read
 * allocates nothing. It holds only until the next read (routing or `get`) of the same pair; routing reads it and is done
 * with it before it returns. Not part of {@link HealthStore}: a store of the user's own is read with `get`.
 */
export const ROUTING_READ: unique symbol = Symbol("gateway-sim.health.routingRead");

/** The shape of the {@link ROUTING_READ} method. */
export type RoutingRead = (provider: string, model: string, now: number) => ProviderHealth;

/**
 * Health for one routing: the store's in-place view when it has one, else `get`.
 *
 * @example
 * const h = readForRouting(input.health, "openai", "openai/gpt-5.4-nano", now); // read now, not kept
 */
export function readForRouting(store: HealthStore, provider: string, model: string, now: number): ProviderHealth {
  const read = (store as Partial<Record<typeof ROUTING_READ, RoutingRead>>)[ROUTING_READ];
  return read === undefined ? store.get(provider, model, now) : read.call(store, provider, model, now);
}
