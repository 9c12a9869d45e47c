// Safe readers over not-yet-validated YAML data, for checks that must run even when the file has
// other errors (so `validate` reports everything at once).

export type RawObject = Record<string, unknown>;

export function asObject(value: unknown): RawObject | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as RawObject) : undefined;
}

export function asArray(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

export function asString(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** `"a", "b" and "c"` for messages; `(none)` when empty. */
export function listOf(values: Iterable<string>): string {
  const all = [...values].sort().map((v) => `"${v}"`);
  if (all.length === 0) return "(none)";
  return all.length === 1 ? (all[0] as string) : `${all.slice(0, -1).join(", ")} or ${all[all.length - 1] as string}`;
}
