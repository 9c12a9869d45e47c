// A faker instance drawing from one of gateway-sim's seeded streams instead of its own generator.
// Imported from faker's English entry, not its main one: the main entry loads all ~70 locales
// (a third of the CLI's start-up); the English instance carries the class and the merged en+base data.
import type { Faker, Randomizer } from "@faker-js/faker";
import { faker as englishFaker } from "@faker-js/faker/locale/en";
import type { Random } from "../../core/random.js";

const FakerClass = englishFaker.constructor as typeof Faker;

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
  return new FakerClass({ locale: englishFaker.rawDefinitions, randomizer });
}
