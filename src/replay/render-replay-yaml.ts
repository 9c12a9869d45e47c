// Writes a replay scenario as YAML: a header saying where it came from, and one line per request.
import { Document, isMap, isSeq, YAMLMap } from "yaml";

/**
 * @example
 * writeFileSync("replay.yaml", renderReplayYaml(scenario, "usage.jsonl", "../schema/scenario.schema.json"));
 */
export function renderReplayYaml(scenario: Record<string, unknown>, source: string, schemaPath?: string): string {
  const doc = new Document(scenario);
  const requests = doc.getIn(["traffic", "requests"]);
  // One line per request keeps a thousand-request replay readable and diffable.
  if (isSeq(requests)) for (const item of requests.items) if (item instanceof YAMLMap) item.flow = true;
  const providers = doc.get("providers");
  if (isSeq(providers)) {
    for (const provider of providers.items) {
      const phases = isMap(provider) ? provider.get("degradations") : undefined;
      if (isSeq(phases)) for (const phase of phases.items) if (phase instanceof YAMLMap) phase.flow = true;
      // One line per offer, as catalogs write them.
      const models = isMap(provider) ? provider.get("models") : undefined;
      if (isMap(models)) for (const offer of models.items) if (offer.value instanceof YAMLMap) offer.value.flow = true;
    }
  }
  const header = [
    ...(schemaPath ? [`# yaml-language-server: $schema=${schemaPath}`] : []),
    `# Replayed from ${source} by \`gateway-sim replay\`. Request bodies are rebuilt from each record's model and the`,
    "# routing preferences its diagnostics show; provider behaviour from the attempts, in time buckets; offer prices",
    "# from the billed costs where they differ from the catalog.",
  ].join("\n");
  return `${header}\n${doc.toString({ lineWidth: 0 })}`;
}
