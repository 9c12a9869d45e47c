// Draws per-request values from a profile distribution, each sampler on its own seeded stream so
// changing one distribution never shifts another's draws.
import type { Random } from "../../core/random.js";
import type { Distribution, DistributionSpec } from "../profile/distribution-schema.js";

/** z-score of the 99th percentile of the standard normal. */
const Z_P99 = 2.326347874040841;

/** One value per call. */
export interface Sampler {
  sample(): number;
}

/**
 * A sampler for `spec`, drawing from `random`; results are clamped to `[max(0, min), cap]`.
 *
 * @example
 * const latency = createSampler({ distribution: { kind: "lognormal", median: 800, p99: 3000 }, min: undefined, cap: 20_000 }, random);
 * latency.sample(); // e.g. 731.4
 */
export function createSampler(spec: DistributionSpec, random: Random): Sampler {
  const draw = drawer(spec.distribution, random);
  const low = Math.max(0, spec.min ?? 0);
  const high = spec.cap ?? Number.POSITIVE_INFINITY;
  return { sample: () => Math.min(high, Math.max(low, draw())) };
}

function drawer(distribution: Distribution, random: Random): () => number {
  switch (distribution.kind) {
    case "fixed":
      return () => distribution.value;
    case "uniform":
      return () => distribution.min + random.next() * (distribution.max - distribution.min);
    case "normal":
      return () => distribution.mean + distribution.sd * random.normal();
    case "lognormal": {
      // median = e^μ and p99 = e^(μ + 2.326σ) pin both parameters.
      const mu = Math.log(distribution.median);
      const sigma = (Math.log(distribution.p99) - mu) / Z_P99;
      return () => Math.exp(mu + sigma * random.normal());
    }
    case "empirical":
      return () => random.pick(distribution.samples);
    case "trace": {
      let next = 0;
      return () => {
        const value = distribution.values[next % distribution.values.length] as number;
        next++;
        return value;
      };
    }
  }
}
