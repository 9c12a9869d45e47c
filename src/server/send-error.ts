// The server's one error renderer: every error response is the flat §8 body of a GatewayError.
import type { Response } from "express";
import { GatewayError } from "../core/errors.js";

/**
 * @example
 * sendError(res, new GatewayError("not_found", "No generation G-1f2e"));
 */
export function sendError(res: Response, error: GatewayError, generationId: string | null = null, headers: Record<string, string> = {}): void {
  res.status(error.status).set({ "cache-control": "no-store", ...headers }).json(error.toBody(generationId));
}

/** Anything thrown that is not a GatewayError becomes a 500 gateway_error. */
export function toGatewayError(error: unknown): GatewayError {
  if (error instanceof GatewayError) return error;
  const message = error instanceof Error ? error.message : String(error);
  return new GatewayError("gateway_error", `Unexpected gateway error: ${message}`, { cause: error });
}
