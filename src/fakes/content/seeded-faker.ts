// A faker instance drawing from one of gateway-sim's seeded streams instead of its own generator.
// Only the English locale is loaded: faker's main entry imports all 70 locales (+31 MB RSS in every
// process and worker thread). The class and English definitions come from the English entry's instance.
import type { Faker, Randomizer } from "@faker-js/faker";
import { faker as english } from "@faker-js/faker/locale/en";
import type { Random } from "../../core/random.js";

const EnglishFaker = english.constructor as typeof Faker;

/**
 * English faker whose every draw comes from `random`.
 *
 * @example
 * const faker = createSeededFaker(createRandom("seed", "fake", "openai", "content"));
 * faker.lorem.sentence();
 */
export function createSeededFaker(random: Random): Faker {
  const randomizer: Randomizer = {
    next: () => random.next(),
    // The stream is already seeded by its scope; faker's own reseeding would break reproducibility.
    seed: () => undefined,
  };
  // rawDefinitions is en merged over base, what `locale: [en, base]` builds.
  const faker = new EnglishFaker({ locale: english.rawDefinitions, randomizer });
  streams.set(faker, random);
  return faker;
}

/** The stream behind each faker made here, for draws that skip faker's per-call option handling. */
const streams = new WeakMap<Faker, Random>();

/**
 * `faker.helpers.arrayElement` as a function of the list, drawing exactly what it would draw: for a
 * faker made by {@link createSeededFaker}, `list[⌊next() × length⌋]` straight from its stream (and no
 * draw for one element), which is what faker 10's arrayElement → number.int({ max }) computes;
 * for any other faker, faker's own.
 *
 * @example
 * const pick = arrayElementOf(faker);
 * pick(["a", "b", "c"]);
 */
export function arrayElementOf(faker: Faker): <T>(list: readonly T[]) => T {
  const random = streams.get(faker);
  if (random === undefined) return (list) => faker.helpers.arrayElement(list);
  return (list) => (list.length > 1 ? (list[Math.floor(random.next() * list.length)] as (typeof list)[number]) : faker.helpers.arrayElement(list));
}
