// What the HTTP server needs of a gateway: the structural subset of `Gateway`
// (src/gateway/create-gateway.ts), so the server is tested with a tiny fake as well as the real one
// (test/server-gateway.test.ts passes a real Gateway, which keeps the two in step).
import type { SseEvent } from "../core/sse.js";
import type { UsageRecord } from "../gateway/types.js";

/** A gateway answer, as the server writes it out. */
export type GatewayResponseLike =
  | { kind: "json"; status: number; headers: Record<string, string>; body: unknown }
  | { kind: "stream"; status: number; headers: Record<string, string>; events: AsyncIterable<SseEvent>; record?: Promise<unknown> };

export interface GatewayLike {
  respond(body: unknown): Promise<GatewayResponseLike>;
  usage: { get(id: string): UsageRecord | undefined };
}
