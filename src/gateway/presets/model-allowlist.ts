// A preset's model allowlist: exact ids and `*` wildcards (`openai/*`, `*-mini`, `*`).

/** What an allowlist entry may contain. */
export const MODEL_PATTERN = /^[A-Za-z0-9*][A-Za-z0-9._*-]*(\/[A-Za-z0-9*][A-Za-z0-9._*-]*)?$/;

/**
 * Whether `model` matches `pattern`; `*` matches any run of characters, `/` included. As in the
 * reference (presetMerge.ts:193), nothing else is escaped: a `.` in a pattern matches any one
 * character ("openai/gpt-5.4-*" admits "openai/gpt-5x4-mini"). MODEL_PATTERN admits no other regex character.
 *
 * @example
 * matchesModelPattern("openai/gpt-5.4-mini", "openai/*"); // true
 */
export function matchesModelPattern(model: string, pattern: string): boolean {
  if (!pattern.includes("*")) return model === pattern;
  return new RegExp(`^${pattern.replace(/\*/g, ".*")}$`).test(model);
}

/**
 * Whether the allowlist admits `model`; no allowlist admits every model.
 *
 * @example
 * isModelAllowed("anthropic/claude-opus-4.6", ["openai/*"]); // false
 */
export function isModelAllowed(model: string, allowlist: readonly string[] | undefined): boolean {
  return allowlist === undefined || allowlist.some((pattern) => matchesModelPattern(model, pattern));
}

/** The one concrete (wildcard-free) entry of an allowlist, when there is exactly one. */
export function soleConcreteModel(allowlist: readonly string[] | undefined): string | undefined {
  const concrete = (allowlist ?? []).filter((pattern) => !pattern.includes("*"));
  return concrete.length === 1 ? concrete[0] : undefined;
}
