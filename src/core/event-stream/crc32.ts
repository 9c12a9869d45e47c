// CRC-32 (IEEE, as zlib) over bytes: the checksum of the AWS event-stream prelude and message.
// node:zlib's native crc32 (Node ≥ 20.15, within the engines range) is several times faster than a
// table in JavaScript, which made Bedrock streams the slowest format in the fakes bench.
import { crc32 as zlibCrc32 } from "node:zlib";

/**
 * The CRC-32 of `bytes`.
 *
 * @example
 * crc32(new TextEncoder().encode("123456789")); // 0xcbf43926
 */
export function crc32(bytes: Uint8Array): number {
  return zlibCrc32(bytes) >>> 0;
}
