// The server's one error renderer: every error response is the flat §8 body of a GatewayError,
// written the same way by the express routes and the raw hot path.
import type { ServerResponse } from "node:http";
import { GatewayError } from "../core/errors.js";
import { writeJson } from "./write-json.js";

/**
 * @example
 * sendError(res, new GatewayError("not_found", "No generation G-1f2e"));
 */
export function sendError(res: ServerResponse, error: GatewayError, generationId: string | null = null, headers: Record<string, string> = {}): void {
  writeJson(res, error.status, { "cache-control": "no-store", ...headers }, error.toBody(generationId));
}

/** Anything thrown that is not a GatewayError becomes a 500 gateway_error. */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GatewayError("gateway_error", `Unexpected gateway error: ${message}`, { cause: error });
}
