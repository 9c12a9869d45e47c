// Sends the planned requests on the simulated clock: each at its time, generated loads held to
// their concurrency limits, streams read to the end. Only in-flight requests are held in memory.
import type { Clock } from "../../core/clock.js";
import type { Gateway } from "../../gateway/create-gateway.js";
import type { UsageRecord } from "../../gateway/types.js";
import type { PlannedRequest } from "./plan-traffic.js";

/** What the runner learns from one request. */
export interface SentRequest {
  request: PlannedRequest;
  record: UsageRecord;
  /** The JSON body the client received; undefined for streams. */
  body: unknown;
}

/** A FIFO limit on requests in flight. */
function limiter(max: number): { acquire(): Promise<void>; release(): void } {
  let active = 0;
  const waiting: (() => void)[] = [];
  return {
    acquire() {
      if (active < max) {
        active++;
        return Promise.resolve();
      }
      return new Promise((resolve) => waiting.push(resolve));
    },
    release() {
      const next = waiting.shift();
      if (next) next();
      else active--;
    },
  };
}

/** The built-in gateway answers every surface; an outside gateway's client speaks its one configured API. */
type TrafficGateway = Pick<Gateway, "respond"> & Partial<Pick<Gateway, "respondOn">>;

async function send(gateway: TrafficGateway, request: PlannedRequest): Promise<SentRequest> {
  const info = request.id === undefined ? undefined : { id: request.id };
  const response = request.surface === "responses" || gateway.respondOn === undefined ? await gateway.respond(request.body, info) : await gateway.respondOn(request.surface, request.body, info);
  if (response.kind === "json") return { request, record: response.record, body: response.body };
  for await (const _event of response.events) {
    // Reading the stream to the end is what lets the record settle.
  }
  return { request, record: await response.record, body: undefined };
}

/**
 * Plays `requests` from `startMs` on; `onSent` sees each request as it finishes.
 *
 * @example
 * await clock.run(() => playTraffic({ gateway, clock, startMs, requests, concurrency: [8], onSent }));
 */
export async function playTraffic(options: {
  /** The built-in gateway, or a client of an outside one (src/external) answering the same way. */
  gateway: TrafficGateway;
  clock: Clock;
  startMs: number;
  requests: Iterable<PlannedRequest>;
  /** Per generated load, its concurrency limit (undefined: none). */
  concurrency: readonly (number | undefined)[];
  /** Called just before a request is sent (after waiting for a concurrency slot). */
  onSend?: (request: PlannedRequest) => void;
  onSent: (sent: SentRequest) => void;
}): Promise<void> {
  const { gateway, clock, startMs } = options;
  const limits = options.concurrency.map((max) => (max === undefined ? undefined : limiter(max)));
  const inFlight = new Set<Promise<void>>();
  let failure: { error: unknown } | undefined;
  for (const request of options.requests) {
    const wait = startMs + request.offsetMs - clock.now();
    if (wait > 0) await clock.sleep(wait);
    if (failure) break;
    const limit = request.load === undefined ? undefined : limits[request.load];
    const task = (async () => {
      await limit?.acquire();
      try {
        options.onSend?.(request);
        options.onSent(await send(gateway, request));
      } finally {
        limit?.release();
      }
    })().catch((error: unknown) => {
      failure ??= { error };
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
  }
  await Promise.all(inFlight);
  if (failure) throw failure.error;
}
