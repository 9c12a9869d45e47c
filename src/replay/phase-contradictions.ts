// The check that a replay's fault phases agree with its logged attempts, read the way the fakes read
// them: no logged success inside a phase that fails every call, no logged failure outside all error phases.
import { z } from "zod";
import { phaseWindow } from "../fakes/degradation/phase-window.js";
import { degradationPhaseSchema } from "../fakes/profile/degradation-schema.js";
import type { AttemptPoint } from "./provider-timeline.js";

const TERMINAL = new Set(["http_error", "connection_error", "hang", "socket_fault"]);

/**
 * One line per contradiction, empty when there is none.
 *
 * @example
 * phaseContradictions(profile.degradations, timeline.points); // ["success at 300.5s inside phase 2 (http_error, probability 1)"]
 */
export function phaseContradictions(phases: readonly unknown[], points: readonly AttemptPoint[]): string[] {
  const parsed = z.array(degradationPhaseSchema).parse(phases);
  const out: string[] = [];
  for (const p of points) {
    const active = parsed.flatMap((phase, i) => (TERMINAL.has(phase.fault.kind) && phaseWindow(phase, p.at) ? [{ i, phase }] : []));
    const certain = active.find(({ phase }) => phase.trigger.kind === "probability" && phase.trigger.p === 1);
    if (p.ok && certain) out.push(`success at ${p.at / 1000}s inside phase ${certain.i} (${certain.phase.fault.kind}, probability 1)`);
    if (!p.ok && active.length === 0) out.push(`failure (${p.status ?? "no status"}) at ${p.at / 1000}s outside every error phase`);
  }
  return out;
}
