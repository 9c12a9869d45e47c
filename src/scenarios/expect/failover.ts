// "Failover within a deadline": from `within` after an incident starts until it ends, every
// request must be answered successfully by a provider other than the degraded one.
import { formatDuration } from "../../core/duration.js";
import type { FailoverExpectation } from "../schema/expectations.js";
import { formatOffset } from "./format.js";
import type { RequestOutcome, RunFacts } from "./outcome.js";
import type { CheckFailure, RequestExample } from "./result.js";
import { MAX_EXAMPLES } from "./result.js";
import { describeRequest } from "./select.js";

/** Observes outcomes and reports whether traffic left `from` in time. */
export interface FailoverCheck {
  observe(o: RequestOutcome): void;
  finish(): CheckFailure[];
}

/**
 * @example
 * const check = createFailoverCheck({ from: "openai", incident: "openai-503", within: 30_000 }, facts);
 */
export function createFailoverCheck(spec: FailoverExpectation, facts: RunFacts): FailoverCheck {
  const incident = spec.incident !== undefined ? facts.incidents[spec.incident] : undefined;
  const start = incident?.startMs ?? spec.after ?? 0;
  const end = spec.until ?? incident?.endMs ?? Number.POSITIVE_INFINITY;
  const deadline = start + spec.within;
  let lastBad: number | undefined;
  let afterDeadline = 0;
  let lateFailing = 0;
  const late: RequestExample[] = [];

  return {
    observe(o) {
      if (o.offsetMs < start || o.offsetMs >= end) return;
      const r = o.record;
      // A cache hit (no provider selected) also spares the client the degraded provider.
      const good = r.status !== "failed" && r.selected_provider !== spec.from;
      if (o.offsetMs >= deadline) afterDeadline++;
      if (good) return;
      lastBad = Math.max(lastBad ?? 0, o.offsetMs);
      if (o.offsetMs >= deadline) {
        lateFailing++;
        const actual = r.status === "failed" ? `failed (${r.error_code ?? r.http_status})` : `served by ${r.selected_provider ?? "nobody"}`;
        if (late.length < MAX_EXAMPLES) late.push({ request: describeRequest(o), actual });
      }
    },
    finish() {
      const expected = `every request from ${formatOffset(deadline)} on answered by a provider other than ${spec.from} (within ${formatDuration(spec.within)} of the incident at ${formatOffset(start)})`;
      if (afterDeadline === 0) {
        return [{ check: "failover", expected, actual: "no request was sent between the deadline and the end of the incident" }];
      }
      if (lateFailing === 0) return [];
      const took = lastBad === undefined ? 0 : lastBad - start;
      return [
        {
          check: "failover",
          expected,
          actual: `requests still on ${spec.from} or failing ${formatDuration(took)} after the incident started`,
          failing: lateFailing,
          examples: late,
        },
      ];
    },
  };
}
