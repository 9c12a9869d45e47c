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
  return function checkBearer(header) {
    const token = bearerToken(header);
    if (token === undefined) return new GatewayError("unauthorised", "Missing API key: send `Authorization: Bearer <key>`.");
    if (options.allowAnyKey || isKnown(digest(token), digests)) return undefined;
    return new GatewayError("unauthorised", "Invalid API key.");
  };
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
