// A faker instance drawing from one of gateway-sim's seeded streams instead of its own generator.
import { base, en, Faker, type Randomizer } from "@faker-js/faker";
import type { Random } from "../../core/random.js";

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
  return new Faker({ locale: [en, base], randomizer });
}
