// The reliability draw of balanced routing (routing.ts:190-260): Box–Muller normals, Marsaglia–Tsang
// Gamma draws with at most 32 tries, Beta as X/(X+Y); and the reference's own seed and generator, so
// the conformance vectors can replay its exact draws. Every function takes a bare `() => number`.

/**
 * A standard normal from two uniforms (routing.ts:210-214): u1 floored at Number.EPSILON.
 *
 * @example
 * sampleStandardNormal(random.next);
 */
export function sampleStandardNormal(next: () => number): number {
  const u1 = Math.max(Number.EPSILON, next());
  const u2 = next();
  return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
}

/**
 * A Gamma(shape, 1) draw by Marsaglia–Tsang; shapes below 1 use the boost Gamma(a + 1) · U^(1/a).
 * After 32 rejected tries it returns `shape` (routing.ts:216-236).
 *
 * @example
 * sampleGamma(8, random.next); // mean 8
 */
export function sampleGamma(shape: number, next: () => number): number {
  if (shape < 1) return sampleGamma(shape + 1, next) * Math.max(Number.EPSILON, next()) ** (1 / shape);
  const d = shape - 1 / 3;
  const c = 1 / Math.sqrt(9 * d);
  for (let attempt = 0; attempt < 32; attempt += 1) {
    const normal = sampleStandardNormal(next);
    const base = 1 + c * normal;
    if (base <= 0) continue;
    const value = base * base * base;
    const uniform = next();
    if (uniform < 1 - 0.0331 * normal ** 4 || Math.log(Math.max(Number.EPSILON, uniform)) < 0.5 * normal * normal + d * (1 - value + Math.log(value))) {
      return d * value;
    }
  }
  return shape;
}

/**
 * A Beta(alpha, beta) draw; parameters are floored at 0.001 (routing.ts:238-242).
 *
 * @example
 * sampleBeta(8 + 10, 2 + 1, random.next); // around 0.86
 */
export function sampleBeta(alpha: number, beta: number, next: () => number): number {
  const left = sampleGamma(Math.max(alpha, 0.001), next);
  const right = sampleGamma(Math.max(beta, 0.001), next);
  return left / Math.max(left + right, Number.EPSILON);
}

/**
 * The reference's routing seed (routing.ts:190-197): a 32-bit FNV-style hash of
 * "{requestId}:{workspaceId}:{model}".
 *
 * @example
 * referenceSeed("req-1:ws-1:openai/gpt-5.4-nano");
 */
export function referenceSeed(value: string): number {
  let h = 2166136261;
  for (let i = 0; i < value.length; i++) {
    h ^= value.charCodeAt(i);
    h += (h << 1) + (h << 4) + (h << 7) + (h << 8) + (h << 24);
  }
  return h >>> 0;
}

/**
 * The reference's generator (routing.ts:199-208, mulberry32). gateway-sim's routing uses its own
 * named seeded stream; this one replays the reference's exact draws in the conformance vectors.
 *
 * @example
 * const next = mulberry32(referenceSeed("req-1:ws-1:m"));
 */
export function mulberry32(seed: number): () => number {
  let t = seed;
  return () => {
    t += 0x6d2b79f5;
    let x = t;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}
