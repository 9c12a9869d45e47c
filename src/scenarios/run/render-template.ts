// Request templates: every string holding a faker placeholder (`{{lorem.sentence}}`,
// `{{person.fullName}}`) is rendered with a seeded faker; everything else is copied as is.
import type { Faker } from "@faker-js/faker";

const PLACEHOLDER = /\{\{[^}]+\}\}/;

/**
 * A deep copy of `value` with placeholders rendered.
 *
 * @example
 * renderTemplate({ input: "Summarize: {{lorem.paragraph}}" }, faker);
 */
export function renderTemplate(value: unknown, faker: Faker): unknown {
  if (typeof value === "string") return PLACEHOLDER.test(value) ? faker.helpers.fake(value) : value;
  if (Array.isArray(value)) return value.map((v) => renderTemplate(v, faker));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = renderTemplate(v, faker);
    return out;
  }
  return value;
}

/** Paths and messages of placeholders faker cannot render (checked when the scenario loads). */
export function templateProblems(value: unknown, faker: Faker, path: (string | number)[] = []): { path: (string | number)[]; message: string }[] {
  if (typeof value === "string") {
    if (!PLACEHOLDER.test(value)) return [];
    try {
      faker.helpers.fake(value);
      return [];
    } catch (error) {
      return [{ path, message: `cannot render faker placeholder: ${error instanceof Error ? error.message : String(error)}` }];
    }
  }
  if (Array.isArray(value)) return value.flatMap((v, i) => templateProblems(v, faker, [...path, i]));
  if (typeof value === "object" && value !== null) {
    return Object.entries(value).flatMap(([k, v]) => templateProblems(v, faker, [...path, k]));
  }
  return [];
}
