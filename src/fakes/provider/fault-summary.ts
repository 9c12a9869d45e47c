// Folds the faults that hit one call into what the engine acts on: at most one answer-replacing
// fault (the first), combined multipliers, one stream fault, the content faults in phase order.
import type { ContentFaultRequest } from "../content/compose-content.js";
import type { AppliedFault } from "../degradation/plan-faults.js";
import type { JournalFault } from "../journal/entry.js";
import type { Fault } from "../profile/fault-schema.js";
import type { StreamFaultSpec } from "./stream-plan.js";

type Terminal = Extract<Fault, { kind: "http_error" | "hang" | "connection_error" | "socket_fault" }>;
type WrongUsage = Extract<Fault, { kind: "wrong_usage" }>;

export interface FaultSummary {
  terminal: { phase: number; fault: Terminal } | undefined;
  latencyFactor: number;
  throughputFactor: number;
  stream: StreamFaultSpec | undefined;
  content: ContentFaultRequest[];
  usage: WrongUsage | undefined;
  /** Journal lines for every fault except content faults (recorded once they are applied). */
  journal: JournalFault[];
}

const TERMINAL = new Set(["http_error", "hang", "connection_error", "socket_fault"]);

function detailOf(fault: Fault): string | undefined {
  switch (fault.kind) {
    case "http_error":
      return String(fault.status);
    case "latency_multiplier":
    case "throughput_multiplier":
      return `×${Math.round(fault.factor * 1000) / 1000}`;
    case "stream_fault":
    case "socket_fault":
      return fault.type;
    case "wrong_usage":
      return fault.omit ? "omit" : `input×${fault.inputScale} output×${fault.outputScale}`;
    default:
      return undefined;
  }
}

/**
 * Summarises the hits for a call; `stream` says whether stream faults can apply.
 *
 * @example
 * const summary = summarizeFaults(hits, request.stream);
 */
export function summarizeFaults(hits: readonly AppliedFault[], stream: boolean): FaultSummary {
  const summary: FaultSummary = { terminal: undefined, latencyFactor: 1, throughputFactor: 1, stream: undefined, content: [], usage: undefined, journal: [] };
  for (const { phase, fault } of hits) {
    let applied = true;
    if (TERMINAL.has(fault.kind)) {
      if (summary.terminal) applied = false;
      else summary.terminal = { phase, fault: fault as Terminal };
    } else if (fault.kind === "latency_multiplier") summary.latencyFactor *= fault.factor;
    else if (fault.kind === "throughput_multiplier") summary.throughputFactor *= fault.factor;
    else if (fault.kind === "stream_fault") {
      applied = stream && !summary.stream;
      if (applied) summary.stream = { type: fault.type, afterChunks: fault.afterChunks, errorType: fault.errorType };
    } else if (fault.kind === "content_fault") {
      summary.content.push({ phase, type: fault.type, keep: fault.keep });
      continue;
    } else if (fault.kind === "wrong_usage") {
      applied = !summary.usage;
      summary.usage ??= fault;
    }
    const detail = detailOf(fault);
    summary.journal.push({ phase, kind: fault.kind, ...(detail !== undefined ? { detail } : {}), applied });
  }
  return summary;
}
