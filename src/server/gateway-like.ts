// What the HTTP server needs of a gateway: the structural subset of `Gateway`
// (src/gateway/create-gateway.ts), so the server is tested with a tiny fake as well as the real one
// (test/server-gateway.test.ts passes a real Gateway, which keeps the two in step).
import type { SseEvent } from "../core/sse.js";
import type { RequestInfo } from "../gateway/pipeline/prepare-stage.js";
import type { GatewaySurface } from "../gateway/surfaces/surfaces.js";
import type { UsageLog } from "../gateway/usage/usage-log.js";

/** A gateway answer, as the server writes it out. */
export type GatewayResponseLike =
  | { kind: "json"; status: number; headers: Record<string, string>; body: unknown }
  | { kind: "stream"; status: number; headers: Record<string, string>; events: AsyncIterable<SseEvent>; record?: Promise<unknown> };

export interface GatewayLike {
  respond(body: unknown, request?: RequestInfo): Promise<GatewayResponseLike>;
  /** The other surfaces (`chat.completions`, `messages`); without it their routes answer 404. */
  respondOn?(surface: GatewaySurface, body: unknown, request?: RequestInfo): Promise<GatewayResponseLike>;
  /** Lookups by id, and cursor pages for the list mode of GET /v1/generations. */
  usage: Pick<UsageLog, "get" | "listAfter" | "total">;
}
