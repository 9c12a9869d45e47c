// Error messages quote what the client sent; a client that sent megabytes must not get megabytes back.
// Every long run of text is cut to a prefix and a count of what was left out.

/** Characters of one echoed value kept in an error message. */
export const ECHO_LIMIT = 200;

/** An unbroken run (no whitespace) longer than ECHO_LIMIT: an echoed id, model, key or value. */
const LONG_RUN = new RegExp(`\\S{${ECHO_LIMIT + 1},}`, "g");

/**
 * Cuts `text` to `limit` characters, saying how many more there were.
 *
 * @example
 * truncateText("abcdef", 3); // "abc…(3 more characters)"
 */
export function truncateText(text: string, limit: number): string {
  if (text.length <= limit) return text;
  return `${text.slice(0, limit)}…(${text.length - limit} more characters)`;
}

/**
 * Cuts every echoed value (a run of 200+ non-space characters) in a message, then the message itself.
 *
 * @example
 * truncateEchoes(`unknown model "${"x".repeat(900_000)}"`, 1_000); // 'unknown model "xxx…(899802 more characters)'
 */
export function truncateEchoes(text: string, limit: number): string {
  const cut = text.length > ECHO_LIMIT ? text.replace(LONG_RUN, (run) => truncateText(run, ECHO_LIMIT)) : text;
  return truncateText(cut, limit);
}
