// What the runner hands the expectation engine for each finished request, and what it knows
// about the run as a whole (incident windows) before the first request is sent.
import type { UsageRecord } from "../../gateway/types.js";

/** One finished request of a run. */
export interface RequestOutcome {
  /** 0-based position in sending order. */
  index: number;
  /** The explicit request's or the load's name. */
  name: string | null;
  /** When the request was sent, in ms since the start of the run. */
  offsetMs: number;
  record: UsageRecord;
  /**
   * For requests with a JSON-schema `response_format`: whether the answer the client received
   * validates against it. `null` for other requests.
   */
  schemaValid: boolean | null;
}

/** A named timeline event that expectations may refer to as an incident. */
export interface IncidentWindow {
  /** The provider the event acts on, if any. */
  provider: string | null;
  startMs: number;
  /** The provider's next recovery, or the end of a timed fault phase; undefined = end of run. */
  endMs: number | undefined;
}

/** Static facts about a run that expectations need. */
export interface RunFacts {
  incidents: Record<string, IncidentWindow>;
}
