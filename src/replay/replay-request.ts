// A request equivalent to a logged one. Usage records do not keep bodies, so the body is rebuilt from
// what routing saw: the model (or pinned provider), the provider preferences visible in the routing
// diagnostics (sort, only, ignore, order — a preset's preferences included, as routing merged them),
// streaming, and an input of the logged length so costs and token rate limits stay the same.
import { CHARS_PER_TOKEN } from "../fakes/content/tokens.js";
import type { ReplayRecord } from "./read-usage-log.js";
import { replayPresetSlug } from "./replay-presets.js";

const FILLER = "Summarise the incident timeline and list the follow-up actions. ";

function preferencesOf(record: ReplayRecord): Record<string, unknown> {
  const diag = record.routing_diagnostics;
  if (!diag) return {};
  const out: Record<string, unknown> = {};
  if (diag.sort !== undefined) out.sort = diag.sort;
  // A deterministic sort the request did not ask for came from the model suffix or a preset's mode
  // (under documented fidelity a preset's mode sorts): the request asks for it instead.
  else if (diag.strategy === "explicit_sort" && diag.routingMode !== undefined && diag.routingMode !== "balanced") out.sort = diag.routingMode;
  const ranked = [...diag.rankedProviders].sort((a, b) => a.rank - b.rank);
  const order = ranked.filter((r) => r.placedBy === "order").map((r) => r.provider);
  if (order.length > 0) out.order = order;
  // `hints.only` at the reference's pin; `only` in logs written before it.
  const onlyStage = diag.filterStages.find((s) => s.stage === "hints.only" || s.stage === "only");
  if (onlyStage) {
    const later = diag.filterStages.slice(diag.filterStages.indexOf(onlyStage) + 1).flatMap((s) => s.dropped.map((d) => d.provider));
    out.only = [...new Set([...ranked.map((r) => r.provider), ...later])].sort();
  }
  const ignored = diag.filterStages.flatMap((s) => s.dropped.filter((d) => d.reason === "listed_in_provider.ignore").map((d) => d.provider));
  if (ignored.length > 0) out.ignore = [...new Set(ignored)].sort();
  return out;
}

/**
 * Exactly as many tokens as the record billed (the fakes count ⌈characters / 4⌉ over the message
 * text, and cost, token rate limits and prices follow from it), and unique per record — a short
 * base-36 serial leads — so the replay's response cache sees distinct requests as the original did.
 */
function inputOf(record: ReplayRecord, serial: number): string {
  const lead = `R${serial.toString(36)} `;
  const chars = Math.max(lead.length, record.usage.input_tokens * CHARS_PER_TOKEN);
  return (lead + FILLER.repeat(Math.ceil(chars / FILLER.length))).slice(0, chars).replace(/ $/, ".");
}

/** The model the replayed request asks for; undefined when the request never reached routing. */
function modelOf(record: ReplayRecord): string | undefined {
  return record.routing_diagnostics?.model ?? record.model ?? undefined;
}

/** Whether the record can be replayed (its model is known): the scenario re-sends exactly these. */
export function isReplayable(record: ReplayRecord): boolean {
  return modelOf(record) !== undefined;
}

/**
 * The model of a record whose request never reached routing (a validation error) is unknown: such
 * records give `undefined` and are left out of the replay.
 *
 * @example
 * `serial` (the record's position) makes the input unique.
 *
 * @example
 * replayBody(record, 0); // { model: "openai/gpt-5.4-nano", input: "R0 Summarise the incident…", provider: { sort: "price" } }
 */
export function replayBody(record: ReplayRecord, serial: number): Record<string, unknown> | undefined {
  const diag = record.routing_diagnostics;
  const model = modelOf(record);
  if (model === undefined) return undefined;
  const pinned = diag?.strategy === "pinned" ? diag.rankedProviders[0]?.provider : undefined;
  const provider = preferencesOf(record);
  const preset = replayPresetSlug(record);
  return {
    model: preset ? `@${preset}` : pinned ? `${pinned}:${model}` : model,
    input: inputOf(record, serial),
    ...(Object.keys(provider).length > 0 ? { provider } : {}),
    ...(record.stream ? { stream: true } : {}),
  };
}
