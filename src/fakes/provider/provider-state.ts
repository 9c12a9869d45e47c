// Everything one fake provider keeps between calls: its profile, one seeded stream per purpose,
// samplers, fault counters, rate-limit windows and capacity. Reconfiguring keeps the streams.
import type { Faker } from "@faker-js/faker";
import type { Clock } from "../../core/clock.js";
import { createRandom, type Random } from "../../core/random.js";
import { createSeededFaker } from "../content/seeded-faker.js";
import type { PhaseCounters } from "../degradation/plan-faults.js";
import { createSampler, type Sampler } from "../latency/sampler.js";
import type { FakeProviderProfile } from "../profile/schema.js";
import { FAKE_WIRES } from "../wire/registry.js";
import type { FakeWire } from "../wire/types.js";
import { createCapacity, type Capacity, type CapacityLimits } from "./capacity.js";
import { createIds, fingerprint, type IdSource } from "./ids.js";
import { createRateLimiter, type RateLimiter } from "./rate-limiter.js";
import { createTraceMatcher, type TraceMatcher } from "./trace-matcher.js";

/** The seeded streams of one provider, one per purpose. */
export const RANDOM_PURPOSES = ["latency", "ttft", "throughput", "output-tokens", "faults", "content", "ids", "fingerprint"] as const;
type Purpose = (typeof RANDOM_PURPOSES)[number];

export interface ProviderSamplers {
  latency: Sampler | undefined;
  ttft: Sampler;
  throughput: Sampler;
  outputTokens: Sampler;
}

export interface ProviderState {
  readonly id: string;
  profile: FakeProviderProfile;
  wire: FakeWire;
  clock: Clock;
  /** Simulated ms the fleet started at; degradation phases and rate-limit windows count from it. */
  origin: number;
  random: Record<Purpose, Random>;
  faker: Faker;
  samplers: ProviderSamplers;
  counters: PhaseCounters[];
  limiter: RateLimiter;
  capacity: Capacity;
  /** The profile's logged attempts still to be answered; undefined without `attempt_trace`. */
  trace: TraceMatcher | undefined;
  ids: IdSource;
  fingerprint: string;
}

function capacityLimits(profile: FakeProviderProfile): CapacityLimits {
  return { maxConcurrent: profile.capacity.max_concurrent, queue: profile.capacity.queue, queueTimeout: profile.capacity.queue_timeout };
}

function samplersFor(profile: FakeProviderProfile, random: Record<Purpose, Random>): ProviderSamplers {
  return {
    latency: profile.latency ? createSampler(profile.latency, random.latency) : undefined,
    ttft: createSampler(profile.ttft, random.ttft),
    throughput: createSampler(profile.throughput, random.throughput),
    outputTokens: createSampler(profile.output_tokens, random["output-tokens"]),
  };
}

/**
 * A provider's state for `profile`, its streams scoped by `seed` and the provider id.
 *
 * @example
 * const state = createProviderState(profile, { seed: "run-1", clock, origin: clock.now() });
 */
export function createProviderState(profile: FakeProviderProfile, options: { seed: string; clock: Clock; origin: number }): ProviderState {
  const random = Object.fromEntries(RANDOM_PURPOSES.map((p) => [p, createRandom(options.seed, "fake", profile.id, p)])) as Record<Purpose, Random>;
  return {
    id: profile.id,
    profile,
    wire: FAKE_WIRES[profile.format],
    clock: options.clock,
    origin: options.origin,
    random,
    faker: createSeededFaker(random.content),
    samplers: samplersFor(profile, random),
    counters: [],
    limiter: createRateLimiter(profile.rate_limits, options.origin),
    capacity: createCapacity(capacityLimits(profile), options.clock),
    trace: profile.attempt_trace ? createTraceMatcher(profile.attempt_trace) : undefined,
    ids: createIds(profile.format, random.ids),
    fingerprint: fingerprint(random.fingerprint),
  };
}

/**
 * Swaps the profile at run time (a scenario degrading or reconfiguring a provider). Streams,
 * rate-limit windows and requests in flight carry on; a phase kept as is keeps its counters.
 */
export function reconfigureProvider(state: ProviderState, profile: FakeProviderProfile): void {
  if (profile.id !== state.id) throw new Error(`cannot replace provider "${state.id}" with a profile for "${profile.id}"`);
  const previous = state.profile.degradations;
  const counters = state.counters;
  state.counters = [];
  profile.degradations.forEach((phase, i) => {
    const kept = counters[i];
    if (previous[i] === phase && kept) state.counters[i] = kept;
  });
  // The same trace keeps what it has answered; a new one starts afresh.
  if (profile.attempt_trace !== state.profile.attempt_trace) state.trace = profile.attempt_trace ? createTraceMatcher(profile.attempt_trace) : undefined;
  state.profile = profile;
  state.wire = FAKE_WIRES[profile.format];
  state.samplers = samplersFor(profile, state.random);
  state.limiter.setLimits(profile.rate_limits);
  state.capacity.setLimits(capacityLimits(profile));
  state.ids = createIds(profile.format, state.random.ids);
}
