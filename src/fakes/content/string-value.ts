// Strings for a JSON schema: by `format`, by `pattern`, else faker words, fitted to min/maxLength.
import type { Faker } from "@faker-js/faker";
import type { Random } from "../../core/random.js";
import { numberKeyword, stringKeyword, type JsonSchema } from "./json-schema.js";
import { stringForPattern } from "./pattern.js";

// Dates come from a fixed range: faker's default "recent" dates read the wall clock.
const FROM = "2024-01-01T00:00:00.000Z";
const TO = "2026-01-01T00:00:00.000Z";

const FORMATS: Record<string, (faker: Faker) => string> = {
  "date-time": (f) => f.date.between({ from: FROM, to: TO }).toISOString(),
  date: (f) => f.date.between({ from: FROM, to: TO }).toISOString().slice(0, 10),
  time: (f) => f.date.between({ from: FROM, to: TO }).toISOString().slice(11, 19),
  email: (f) => f.internet.email().toLowerCase(),
  uri: (f) => f.internet.url(),
  url: (f) => f.internet.url(),
  uuid: (f) => f.string.uuid(),
  hostname: (f) => f.internet.domainName(),
  ipv4: (f) => f.internet.ipv4(),
  ipv6: (f) => f.internet.ipv6(),
};

/**
 * A string valid for `schema` (format, pattern, length bounds).
 *
 * @example
 * stringValue({ type: "string", format: "email" }, faker, random); // "kay.lind@example.net"
 */
export function stringValue(schema: JsonSchema, faker: Faker, random: Random): string {
  const format = stringKeyword(schema, "format");
  const pattern = stringKeyword(schema, "pattern");
  const byFormat = format !== undefined ? FORMATS[format] : undefined;
  if (byFormat) return byFormat(faker);
  if (pattern !== undefined) {
    const matched = stringForPattern(pattern, random);
    if (matched !== undefined) return matched;
  }
  const min = numberKeyword(schema, "minLength") ?? 0;
  const max = numberKeyword(schema, "maxLength") ?? Math.max(min, 40);
  let text = faker.lorem.words(random.int(1, 5));
  while (text.length < min) text += ` ${faker.lorem.word()}`;
  return text.slice(0, max).trimEnd().padEnd(min, "x");
}
