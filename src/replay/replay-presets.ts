// A preset's routing mode, replayed. Under the reference's code a preset's mode ranks by a weighted
// shuffle that no request field asks for (a request sort is deterministic), and the log keeps the
// preset's slug but not its content: the replay defines one small preset per logged mode and model.
import type { ReplayRecord } from "./read-usage-log.js";

/** The preset slug a record is replayed through, when its routing came from a preset's mode. */
export function replayPresetSlug(record: ReplayRecord): string | undefined {
  const diag = record.routing_diagnostics;
  if (!diag || diag.strategy !== "weighted_shuffle" || diag.sort !== undefined || diag.routingMode === undefined || diag.routingMode === "balanced") return undefined;
  return `replay-${diag.routingMode}-${diag.model.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
}

/**
 * The inline presets the replayed requests name (`model: "@slug"`): the logged model and mode, nothing else.
 *
 * @example
 * replayPresets(records); // [{ slug: "replay-price-openai-gpt-5-4-mini", model: "openai/gpt-5.4-mini", routing_mode: "price" }]
 */
export function replayPresets(records: readonly ReplayRecord[]): Record<string, string>[] {
  const presets = new Map<string, Record<string, string>>();
  for (const r of records) {
    const slug = replayPresetSlug(r);
    const diag = r.routing_diagnostics;
    if (slug === undefined || !diag?.routingMode || presets.has(slug)) continue;
    presets.set(slug, { slug, model: diag.model, routing_mode: diag.routingMode });
  }
  return [...presets.values()];
}
