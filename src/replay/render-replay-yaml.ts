// Writes a replay scenario as YAML: a header saying where it came from, a comment per provider saying
// where its behaviour came from, one line per request, per phase and per logged attempt.
import { Document, isMap, isSeq, YAMLMap } from "yaml";
import type { ReplaySummary } from "./build-replay-scenario.js";

/**
 * @example
 * writeFileSync("replay.yaml", renderReplayYaml(scenario, "usage.jsonl", "../schema/scenario.schema.json", summary));
 */
export function renderReplayYaml(scenario: Record<string, unknown>, source: string, schemaPath?: string, summary?: ReplaySummary): string {
  const doc = new Document(scenario);
  const requests = doc.getIn(["traffic", "requests"]);
  // One line per request keeps a thousand-request replay readable and diffable.
  if (isSeq(requests)) for (const item of requests.items) if (item instanceof YAMLMap) item.flow = true;
  const notes = new Map(summary?.providers.map((p) => [p.id, p.note]));
  const providers = doc.get("providers");
  if (isSeq(providers)) {
    for (const provider of providers.items) {
      if (!isMap(provider)) continue;
      const note = notes.get(String(provider.get("id")));
      if (note !== undefined) provider.commentBefore = ` ${provider.get("id")}: ${note}`;
      const phases = provider.get("degradations");
      if (isSeq(phases)) for (const phase of phases.items) if (phase instanceof YAMLMap) phase.flow = true;
      // One line per offer, as catalogs write them.
      const models = provider.get("models");
      if (isMap(models)) for (const offer of models.items) if (offer.value instanceof YAMLMap) offer.value.flow = true;
    }
  }
  const header = [
    ...(schemaPath ? [`# yaml-language-server: $schema=${schemaPath}`] : []),
    `# Replayed from ${source} by \`gateway-sim replay\`. Request bodies are rebuilt from each record's model and the`,
    "# routing preferences its diagnostics show. The comment above each provider says where its behaviour came from:",
    "# `attempt_trace` answers a call at a logged attempt's time as logged; other calls get the fitted latency and the",
    "# fault phases, cut so that none contradicts a logged attempt. Offer prices come from the billed costs where they",
    "# differ from the catalog.",
  ].join("\n");
  return `${header}\n${doc.toString({ lineWidth: 0 })}`;
}
