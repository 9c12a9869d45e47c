// Arrival times of generated load, produced lazily in time order so a million-request run never
// holds its schedule in memory. Constant spacing, or a seeded Poisson process.
import type { Random } from "../../core/random.js";
import type { LoadSpec } from "../schema/traffic.js";

/**
 * Offsets (ms since the run's start) of every request of `load`, ascending.
 *
 * - `count` + constant: evenly spaced over the duration, the first at `start`.
 * - `rate` + constant: every 1/rate seconds from `start`.
 * - `rate` + poisson: exponential gaps with mean 1/rate.
 * - `count` + poisson: `count` uniform times over the duration, generated already sorted.
 *
 * @example
 * [...arrivalOffsets({ ...load, count: 3, duration: 3000 }, random)]; // [0, 1000, 2000]
 */
export function* arrivalOffsets(load: LoadSpec, random: Random): Generator<number> {
  const start = load.start;
  const end = load.start + load.duration;
  if (load.count !== undefined) {
    const n = load.count;
    if (load.arrivals === "constant") {
      for (let k = 0; k < n; k++) yield start + (k * load.duration) / n;
      return;
    }
    // Sorted uniforms one at a time: the next order statistic of the remaining m draws over [x, 1).
    let x = 0;
    for (let m = n; m > 0; m--) {
      x += (1 - x) * (1 - Math.pow(1 - random.next(), 1 / m));
      yield start + x * load.duration;
    }
    return;
  }
  const rate = load.rate ?? 1;
  const gap = 1000 / rate;
  if (load.arrivals === "constant") {
    for (let t = start, k = 0; t < end; t = start + ++k * gap) yield t;
    return;
  }
  for (let t = start - Math.log(1 - random.next()) * gap; t < end; t -= Math.log(1 - random.next()) * gap) yield t;
}

/** How many requests `load` will send (expected value for rate + poisson), for progress bars. */
export function expectedCount(load: LoadSpec): number {
  if (load.count !== undefined) return load.count;
  return Math.ceil(((load.rate ?? 1) * load.duration) / 1000);
}
