// Seeded randomness: every draw in gateway-sim comes from a named stream, one per owner and
// purpose, so adding a provider or a request never shifts another stream's draws.

/**
 * A stream of seeded draws.
 *
 * @example
 * const rng = createRandom("run-42", "provider:openai", "latency");
 * const u = rng.next();
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [min, max). */
  int(min: number, max: number): number;
  /** One item, uniformly. Throws on an empty list. */
  pick<T>(items: readonly T[]): T;
  /** A standard normal draw (Box–Muller). */
  normal(): number;
  /** True with probability `p`. */
  chance(p: number): boolean;
}

/** Makes streams from one root seed; `scope` names the owner and purpose. */
export type RandomFactory = (...scope: string[]) => Random;

/** Between the seed and each scope part, so ("a", "bc") and ("ab", "c") name different streams. */
const SCOPE_SEPARATOR = "\u001f";

/** One stream for `seed` and `scope`; the same arguments always give the same draws. */
export function createRandom(seed: string, ...scope: string[]): Random {
  // The factory's stream naming, so the rule is written once (createRandom is not on a per-request path).
  return createRandomFactory(seed)(...scope);
}

/** Mash's starting state and its 2^-32 scale (Baagoe's Alea, as seedrandom's `alea` implements it). */
const MASH_START = 0xefc8249d;
const TWO_TO_MINUS_32 = 2.3283064365386963e-10;

/**
 * seedrandom's `alea(seed)` generator, draw for draw (random.test.ts compares them): the same
 * arithmetic in the same order, without the three helper closures seedrandom adds to every
 * generator — a routing stream is seeded for every request.
 */
export function alea(seed: string): () => number {
  let n = mash(BLANK.n, seed);
  let s0 = BLANK.s0;
  let s1 = BLANK.s1;
  let s2 = BLANK.s2;
  s0 -= (n >>> 0) * TWO_TO_MINUS_32;
  if (s0 < 0) s0 += 1;
  n = mash(n, seed);
  s1 -= (n >>> 0) * TWO_TO_MINUS_32;
  if (s1 < 0) s1 += 1;
  n = mash(n, seed);
  s2 -= (n >>> 0) * TWO_TO_MINUS_32;
  if (s2 < 0) s2 += 1;
  let c = 1;
  return () => {
    const t = 2091639 * s0 + c * TWO_TO_MINUS_32;
    s0 = s1;
    s1 = s2;
    c = t | 0;
    s2 = t - c;
    return s2;
  };
}

/**
 * Alea's start, before the seed: three Mash passes over " " from Mash's starting state, the same for
 * every stream, so computed once here rather than per stream (the same arithmetic, so the same bits).
 */
const BLANK = (() => {
  const n0 = mash(MASH_START, " ");
  const n1 = mash(n0, " ");
  const n2 = mash(n1, " ");
  return { n: n2, s0: (n0 >>> 0) * TWO_TO_MINUS_32, s1: (n1 >>> 0) * TWO_TO_MINUS_32, s2: (n2 >>> 0) * TWO_TO_MINUS_32 };
})();

/**
 * Mash over `data` from state `n`: the next state (its value is `(n >>> 0) * 2^-32`). Module level: no closure per stream.
 *
 * seedrandom writes `h >>> 0` where this writes `Math.floor(h)`: the same integer whenever 0 ≤ h < 2^32, which
 * always holds here. The state starts at MASH_START or a state this returned, and a state is below
 * 2^28 + 2^32 (an integer below h ≤ 0.0252 × state, plus a fraction × 2^32); so each char's h is below
 * 0.0252 × (2^33 + 0xffff) < 2^28, and the second h is a fraction times the first floor. Math.floor is
 * one instruction, `>>> 0` on a double a truncation stub: a routing stream is seeded over ~150 chars per request.
 */
function mash(state: number, data: string): number {
  let n = state;
  for (let i = 0; i < data.length; i++) {
    n += data.charCodeAt(i);
    let h = 0.02519603282416938 * n;
    n = Math.floor(h);
    h -= n;
    h *= n;
    n = Math.floor(h);
    h -= n;
    n += h * 0x100000000;
  }
  return n;
}

/**
 * Methods on the prototype, and `next` the generator itself (it needs no `this`, so it can be passed
 * around unbound): a routing stream is made for every request, so no closures per instance.
 */
class SeededRandom implements Random {
  readonly next: () => number;

  constructor(prng: () => number) {
    this.next = prng;
  }

  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min));
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError("cannot pick from an empty list");
    return items[Math.floor(this.next() * items.length)] as T;
  }

  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }
}

/**
 * A factory bound to a root seed.
 *
 * @example
 * const random = createRandomFactory("seed-1");
 * const routing = random("request", "G-abc", "routing");
 */
export function createRandomFactory(seed: string): RandomFactory {
  const prefix = `${seed}${SCOPE_SEPARATOR}`;
  // The seed, then each scope part after a separator; alea: fast, and its state is independent per stream.
  return (...scope) => {
    if (scope.length === 0) return new SeededRandom(alea(seed));
    // Concatenated, not `join`ed: the generic join costs more than the three parts a stream name has.
    let name = prefix + scope[0];
    for (let i = 1; i < scope.length; i++) name += SCOPE_SEPARATOR + scope[i];
    return new SeededRandom(alea(name));
  };
}
