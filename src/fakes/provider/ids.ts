// Provider-shaped identifiers drawn from a seeded stream: `chatcmpl-…`, `msg_01…`, `req_…`.
import type { Random } from "../../core/random.js";
import type { WireFormat } from "../../providers/wire-formats.js";

const ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const BASE58 = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";
const HEX = "0123456789abcdef";

function draw(random: Random, alphabet: string, length: number): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random.next() * alphabet.length)];
  return out;
}

export interface IdSource {
  responseId(): string;
  requestId(): string;
}

/**
 * Ids in the provider's own shapes.
 *
 * @example
 * createIds("openai-chat", random).responseId(); // "chatcmpl-Ab3…"
 */
export function createIds(format: WireFormat, random: Random): IdSource {
  if (format === "anthropic-messages") {
    return { responseId: () => `msg_01${draw(random, BASE58, 22)}`, requestId: () => `req_011C${draw(random, BASE58, 20)}` };
  }
  if (format === "openai-responses") {
    return { responseId: () => `resp_${draw(random, HEX, 48)}`, requestId: () => `req_${draw(random, HEX, 32)}` };
  }
  if (format === "gemini") {
    return { responseId: () => draw(random, ALNUM, 22), requestId: () => draw(random, HEX, 16) };
  }
  if (format === "bedrock-converse") {
    const uuid = () => [8, 4, 4, 4, 12].map((n) => draw(random, HEX, n)).join("-");
    return { responseId: uuid, requestId: uuid };
  }
  return { responseId: () => `chatcmpl-${draw(random, ALNUM, 29)}`, requestId: () => `req_${draw(random, HEX, 32)}` };
}

/** OpenAI's `system_fingerprint`, fixed per provider. */
export function fingerprint(random: Random): string {
  return `fp_${draw(random, HEX, 10)}`;
}
