// `Authorization: Bearer <key>` against the configured keys (§1). Keys are compared by digest in
// constant time and never logged, stored on the request, or echoed in an error.
import { hash, timingSafeEqual } from "node:crypto";
import type { RequestHandler } from "express";
import { GatewayError } from "../core/errors.js";
import { sendError } from "./send-error.js";

export interface BearerAuthOptions {
  apiKeys: readonly string[];
  /** Accept any non-empty bearer token (the seeds' `YOUR_API_KEY` curl lines, local demos). */
  allowAnyKey?: boolean;
}

/** The challenge a 401 carries (RFC 6750). */
export const BEARER_CHALLENGE = { "www-authenticate": 'Bearer realm="gateway-sim"' };

/**
 * The check itself, for the express stage and the raw hot path: the 401 to send, or undefined.
 *
 * @example
 * const check = bearerCheck({ apiKeys: ["sim-key"] });
 * check(req.headers.authorization); // undefined when the key is known
 */
export function bearerCheck(options: BearerAuthOptions): (header: string | undefined) => GatewayError | undefined {
  const digests = options.apiKeys.filter((key) => key.length > 0).map(digest);
  const accepted = new AcceptedHeaders();
  return function checkBearer(header) {
    if (header !== undefined && accepted.has(header)) return undefined;
    const token = bearerToken(header);
    if (token === undefined) return new GatewayError("unauthorised", "Missing API key: send `Authorization: Bearer <key>`.");
    if (!options.allowAnyKey && !isKnown(digest(token), digests)) return new GatewayError("unauthorised", "Invalid API key.");
    accepted.add(header as string);
    return undefined;
  };
}

/**
 * Authorization headers already accepted, so a client's every request is not hashed again (a SHA-256
 * and a compare per key cost more than the rest of the auth stage). Only exact header strings that
 * passed the digest check are kept: a lookup tells a caller nothing it did not send, and a refused
 * key is checked in full every time. Bounded: past {@link ACCEPTED_HEADERS_KEPT} distinct headers
 * (allowAnyKey with ever-new keys), the set starts over.
 */
export const ACCEPTED_HEADERS_KEPT = 256;

export class AcceptedHeaders {
  readonly #headers = new Set<string>();

  get size(): number {
    return this.#headers.size;
  }

  has(header: string): boolean {
    return this.#headers.has(header);
  }

  add(header: string): void {
    if (this.#headers.size >= ACCEPTED_HEADERS_KEPT) this.#headers.clear();
    this.#headers.add(header);
  }
}

/**
 * @example
 * app.use("/v1", bearerAuth({ apiKeys: ["sim-key"] }));
 */
export function bearerAuth(options: BearerAuthOptions): RequestHandler {
  const check = bearerCheck(options);
  return function bearerAuthStage(req, res, next) {
    const refused = check(req.get("authorization"));
    if (refused) sendError(res, refused, null, BEARER_CHALLENGE);
    else next();
  };
}

function bearerToken(header: string | undefined): string | undefined {
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}

/** One-shot `hash` (Node ≥ 20.12): half the cost of a Hash object per request. */
function digest(key: string): Buffer {
  return hash("sha256", key, "buffer");
}

/** Checks every key so the time taken does not say which one nearly matched. */
function isKnown(candidate: Buffer, digests: readonly Buffer[]): boolean {
  let found = false;
  for (const known of digests) found = timingSafeEqual(candidate, known) || found;
  return found;
}
