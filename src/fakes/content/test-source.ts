// A seeded faker and stream for the content tests (not part of the public surface).
import { createRandom } from "../../core/random.js";
import { createSeededFaker } from "./seeded-faker.js";

export function testSource(seed = "content-test") {
  const random = createRandom(seed, "content");
  return { faker: createSeededFaker(random), random };
}
