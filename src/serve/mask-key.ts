// A key given with `--key` is a secret: the banner (which lands in CI logs) shows only enough of it
// to tell keys apart — its word prefix and last three characters.

/** Keys shorter than this show no characters at all. */
const MIN_SHOWN_LENGTH = 10;
const HIDDEN_MIN = 8;

/**
 * @example
 * maskKey("client-4f9a2c7xyz"); // "client-…xyz"
 * maskKey("short"); // "…"
 */
export function maskKey(key: string): string {
  if (key.length < MIN_SHOWN_LENGTH) return "…";
  // A prefix such as `client-` or `sk_` names the kind of key, not the secret; shown only when at
  // least HIDDEN_MIN characters stay hidden between it and the last three.
  const prefix = /^[A-Za-z]+[-_]/.exec(key)?.[0] ?? "";
  const shownPrefix = key.length - prefix.length - 3 >= HIDDEN_MIN ? prefix : "";
  return `${shownPrefix}…${key.slice(-3)}`;
}
