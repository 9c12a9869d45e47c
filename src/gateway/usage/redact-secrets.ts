// Keeps API keys out of usage records: an upstream error message may echo the key it was sent
// ("Incorrect API key provided: sk-…"), and records are exported and shared.

/** Token shapes that are always secrets, whatever the configured keys. */
const SECRET_PATTERNS: readonly [RegExp, string][] = [
  [/\bBearer\s+[A-Za-z0-9._~+/=-]{6,}/g, "Bearer [redacted]"],
  [/\bsk-[A-Za-z0-9_-]{8,}/g, "sk-[redacted]"],
];

/**
 * Replaces every occurrence of the given secrets, and of bearer/`sk-` tokens, in every string of
 * `value` (deeply). Returns `value` itself when nothing changed, so clean records are not copied.
 *
 * @example
 * redactSecrets({ message: "bad key sk-abcdefghijk" }, []); // { message: "bad key sk-[redacted]" }
 */
export function redactSecrets<T>(value: T, secrets: readonly string[]): T {
  return redact(
    value,
    secrets.filter((secret) => secret.length > 0),
  ) as T;
}

function redact(value: unknown, secrets: readonly string[]): unknown {
  if (typeof value === "string") return redactString(value, secrets);
  if (Array.isArray(value)) {
    const items = value.map((item) => redact(item, secrets));
    return items.some((item, i) => item !== value[i]) ? items : value;
  }
  if (typeof value === "object" && value !== null) {
    let changed = false;
    const out: Record<string, unknown> = {};
    for (const [key, entry] of Object.entries(value)) {
      const cleaned = redact(entry, secrets);
      if (cleaned !== entry) changed = true;
      out[key] = cleaned;
    }
    return changed ? out : value;
  }
  return value;
}

function redactString(text: string, secrets: readonly string[]): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join("[redacted]");
  for (const [pattern, replacement] of SECRET_PATTERNS) out = out.replace(pattern, replacement);
  return out;
}
