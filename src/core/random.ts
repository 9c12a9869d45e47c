// Seeded randomness: every draw in gateway-sim comes from a named stream, one per owner and
// purpose, so adding a provider or a request never shifts another stream's draws.
import seedrandom from "seedrandom";

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

/** One stream for `seed` and `scope`; the same arguments always give the same draws. */
export function createRandom(seed: string, ...scope: string[]): Random {
  // alea: fast, and its state is independent per stream.
  return new SeededRandom(seedrandom.alea([seed, ...scope].join("\u001f")));
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
  return (...scope) => createRandom(seed, ...scope);
}
