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
  return new EnglishFaker({ locale: english.rawDefinitions, randomizer });
}
