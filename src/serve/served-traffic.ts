// The scenario's own traffic, sent while serving (`serve --traffic`): the same plan a `run` sends,
// on the real clock, through the gateway in-process (it shares health and breakers with HTTP callers).
import type { Clock } from "../core/clock.js";
import type { Gateway } from "../gateway/create-gateway.js";
import type { LoadedScenario } from "../scenarios/load/loaded-scenario.js";
import { planTraffic } from "../scenarios/run/plan-traffic.js";
import type { PlannedRequest } from "../scenarios/run/plan-traffic.js";
import { playTraffic } from "../scenarios/run/play-traffic.js";

/**
 * The gateway as the traffic sees it, with every call it makes kept until it settles: a stopped clock
 * rejects the traffic's sleeps at once, while requests already sent still end (cancelled) and write
 * their usage records — after the export is closed, if nothing waited for them.
 */
function trackedGateway(gateway: Gateway): { gateway: Gateway; settled: () => Promise<void> } {
  const pending = new Set<Promise<unknown>>();
  const track = <T>(call: Promise<T>): Promise<T> => {
    pending.add(call);
    const forget = (): void => void pending.delete(call);
    call.then(forget, forget);
    return call;
  };
  return {
    gateway: { ...gateway, respond: (body, request) => track(gateway.respond(body, request)), respondOn: (surface, body, request) => track(gateway.respondOn(surface, body, request)) },
    settled: async () => {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

/**
 * Resolves when every planned request has finished, or, when the clock is stopped, once every request
 * already sent has ended (its usage record written).
 *
 * @example
 * const done = playServedTraffic({ scenario, seed: "42", gateway, clock, startMs: fleet.startTime, log: console.log });
 */
export async function playServedTraffic(options: {
  scenario: LoadedScenario;
  seed: string;
  gateway: Gateway;
  clock: Clock & { readonly stopped: boolean };
  /** Clock time the scenario's offsets count from (the served run's start). */
  startMs: number;
  log: (line: string) => void;
  /** Each request just before it is sent (serve notes its name for the live usage page). */
  onSend?: (request: PlannedRequest) => void;
}): Promise<void> {
  const { scenario, clock, log } = options;
  const { gateway, settled } = trackedGateway(options.gateway);
  const plan = planTraffic(scenario.spec.traffic, options.seed);
  let sent = 0;
  let errors = 0;
  try {
    await playTraffic({
      gateway,
      clock,
      startMs: options.startMs,
      requests: plan.requests,
      concurrency: scenario.spec.traffic.load.map((l) => l.concurrency),
      ...(options.onSend ? { onSend: options.onSend } : {}),
      onSent: ({ record }) => {
        sent++;
        if (record.status === "failed" || record.http_status >= 400) errors++;
      },
    });
    log(`traffic: done, ${sent} of ${plan.expected} planned requests, ${errors} client errors`);
  } catch (error) {
    // Stopping the clock aborts the sleeps the traffic waits on: that is the expected way out.
    if (!clock.stopped) log(`traffic: stopped by an error: ${error instanceof Error ? error.message : String(error)}`);
    await settled();
  }
}
