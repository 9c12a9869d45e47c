// Seeded Gamma and Beta draws for Thompson sampling, from the request's Random stream only.
import type { Random } from "../../core/random.js";

/**
 * A Gamma(shape, 1) draw by Marsaglia–Tsang (2000); shapes below 1 use the boost
 * Gamma(a) = Gamma(a + 1) · U^(1/a).
 *
 * @example
 * sampleGamma(8, random); // mean 8
 */
export function sampleGamma(shape: number, random: Random): number {
  if (!(shape > 0)) throw new RangeError(`gamma shape must be positive, got ${shape}`);
  if (shape < 1) return sampleGamma(shape + 1, random) * random.next() ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (;;) {
    const x = random.normal();
    const t = 1 + c * x;
    if (t <= 0) continue;
    const v = t * t * t;
    const u = random.next();
    if (u < 1 - 0.0331 * x ** 4) return d * v;
    if (Math.log(u) < 0.5 * x * x + d * (1 - v + Math.log(v))) return d * v;
  }
}

/**
 * A Beta(alpha, beta) draw as X/(X+Y) with X ~ Gamma(alpha), Y ~ Gamma(beta). A zero parameter
 * (possible with zero priors and no observations) gives the degenerate limit instead of NaN.
 *
 * @example
 * sampleBeta(8 + 10, 2 + 1, random); // around 0.86
 */
export function sampleBeta(alpha: number, beta: number, random: Random): number {
  if (!(alpha > 0) && !(beta > 0)) return 0.5;
  if (!(alpha > 0)) return 0;
  if (!(beta > 0)) return 1;
  const x = sampleGamma(alpha, random);
  const y = sampleGamma(beta, random);
  return x / (x + y);
}
