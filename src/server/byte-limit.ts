// Body limits in body-parser notation ("1mb", "200kb", "512"), as bytes: the raw hot path and the
// express JSON parser must agree on the same number, so a limit means one thing on every route.

const UNITS = { b: 1, kb: 2 ** 10, mb: 2 ** 20, gb: 2 ** 30 } as const;
const PATTERN = /^\s*(\d+(?:\.\d+)?)\s*(b|kb|mb|gb)?\s*$/i;

/**
 * 1024-based, rounded down, as the `bytes` package body-parser uses; undefined when unreadable.
 *
 * @example
 * parseByteLimit("1mb"); // 1048576
 */
export function parseByteLimit(limit: string): number | undefined {
  const match = PATTERN.exec(limit);
  if (!match) return undefined;
  const unit = (match[2]?.toLowerCase() ?? "b") as keyof typeof UNITS;
  return Math.floor(Number(match[1]) * UNITS[unit]);
}
