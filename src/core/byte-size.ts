// One notation for a size in bytes, for every option that takes one (`bodyLimit`, `--export-buffer`):
// body-parser's, which express users already write ("1mb", "200kb": 1024-based), plus the IEC
// spellings of the same values ("1MiB", "200KiB"), so "8MiB" never silently means 8 bytes.

const UNITS: Readonly<Record<string, number>> = { b: 1, kb: 2 ** 10, kib: 2 ** 10, mb: 2 ** 20, mib: 2 ** 20, gb: 2 ** 30, gib: 2 ** 30 };
const PATTERN = /^\s*(\d+(?:\.\d+)?)\s*([a-z]+)?\s*$/i;

/** What every size option says it expects, after its own name. */
export const BYTE_SIZE_EXPECTED = 'expected a size of at least 1 byte: a number of bytes, or one with a unit, b, kb/KiB, mb/MiB or gb/GiB (all 1024-based), e.g. "8MiB", "512kb" or 65536';

/**
 * Bytes, rounded down; undefined for anything else (an unknown unit, a negative, below 1 byte, not
 * a safe integer). A number is taken as bytes.
 *
 * @example
 * parseByteSize("1mb"); // 1048576
 * parseByteSize("8MiB"); // 8388608
 * parseByteSize("8 TB"); // undefined
 */
export function parseByteSize(size: string | number): number | undefined {
  let bytes: number;
  if (typeof size === "number") bytes = Math.floor(size);
  else {
    const match = PATTERN.exec(size);
    const unit = match ? UNITS[(match[2] ?? "b").toLowerCase()] : undefined;
    if (match === null || unit === undefined) return undefined;
    bytes = Math.floor(Number(match[1]) * unit);
  }
  return Number.isSafeInteger(bytes) && bytes >= 1 ? bytes : undefined;
}
