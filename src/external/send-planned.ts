// Sends one planned scenario request to an outside gateway and reads the answer: the client half of
// `run --gateway`, shaped as the built-in gateway's `respond` so playTraffic can drive it.
import type { Clock } from "../core/clock.js";
import type { GatewayResponse } from "../gateway/create-gateway.js";
import type { UsageRecord } from "../gateway/types.js";
import type { PlannedRequest } from "../scenarios/run/plan-traffic.js";
import { type ClientAnswer, networkFailure, readClientAnswer } from "./client/client-answer.js";
import { clientRequest } from "./client/client-request.js";
import type { GatewayTarget } from "./gateway-target.js";

/** The correlation id of the request at `index` in sending order. */
export const requestId = (index: number): string => `r${index}`;

export interface SentRequest {
  request: PlannedRequest;
  /** Clock time it was sent. */
  timeMs: number;
  answer: ClientAnswer;
}

export interface PlannedSender {
  /** Call just before playTraffic sends `request` (its onSend). */
  next(request: PlannedRequest): void;
  /** The gateway-like side playTraffic calls right after `next`, in the same turn. */
  respond(): Promise<GatewayResponse>;
}

/**
 * @example
 * const sender = plannedSender({ target, clock, headersOf, onSent, record });
 * await playTraffic({ gateway: sender, onSend: sender.next, ... });
 */
export function plannedSender(options: {
  target: GatewayTarget;
  clock: Clock;
  headersOf: (name: string | null) => Record<string, string>;
  onSent: (sent: SentRequest) => void;
  /** A provisional usage record for playTraffic (the one that counts is built after the run). */
  record: (sent: SentRequest) => UsageRecord;
}): PlannedSender {
  const { target, clock } = options;
  let current: PlannedRequest | undefined;
  return {
    next(request) {
      current = request;
    },
    async respond() {
      const request = current;
      if (!request) throw new Error("a request was sent outside the traffic plan");
      const built = clientRequest(request.body, requestId(request.index), { url: target.url, api: target.api, apiKey: target.apiKey, headers: options.headersOf(request.name) });
      if (!built.ok) throw new Error(`request #${request.index}: ${built.message}`);
      const timeMs = clock.now();
      const timing = { clock, sentAt: timeMs };
      let answer: ClientAnswer;
      try {
        answer = await readClientAnswer(target.api, await fetch(built.call.url, built.call.init), built.stream, timing);
      } catch {
        answer = networkFailure(timing);
      }
      const sent = { request, timeMs, answer };
      options.onSent(sent);
      return { kind: "json", status: answer.httpStatus, headers: {}, body: answer.body, record: options.record(sent) };
    },
  };
}
