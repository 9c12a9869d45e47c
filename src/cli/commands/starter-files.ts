// The files `gateway-sim init` writes: the seeds' release-summary recipe as a preset, and a
// scenario that runs it through an OpenAI error burst. Both pass as written.

const PRESET = `# A preset: the dashboard-managed defaults a caller selects with "model": "@release-summary".
# Prompt, model choice, routing, plugins and caching live here instead of in every request.
description: Structured summaries of the last 24 hours of deployment activity, with a risk level.
system_prompt: |-
  You summarise software deployment activity for the engineering on-call channel.
  Answer with JSON only, matching the schema the caller sends.
model: openai/gpt-5.4-mini
# Rank by price (a preset's routing mode: a price-weighted shuffle, not a strict sort).
routing_mode: price
plugins:
  - id: response-healing
response_caching:
  enabled: true
  ttl_seconds: 600
`;

const scenario = (schemaPath: string, runCommand: string): string => `# yaml-language-server: $schema=${schemaPath}
# A starter scenario: a worker asks the release-summary preset for strict JSON while OpenAI, the
# cheapest host of the preset's model, has a five-minute 503 burst. Run it with
#   ${runCommand}
# then change an expectation and watch it fail with a command that reproduces just that case.
name: release-summary
description: The release-summary preset under an OpenAI 503 burst.
seed: 1
# Prices and models of the fake providers come from gateway-sim's built-in catalog.
catalog: default
presets_dir: ../presets
providers:
  - id: openai
  - id: openai-eu
traffic:
  requests:
    - name: deployment-summary
      at: 0s
      body:
        model: "@release-summary"
        input: Summarize the last 24 hours of deployment activity.
        response_format:
          type: json_schema
          name: release_summary
          schema:
            type: object
            required: [summary, risk_level]
            properties:
              summary: { type: string }
              risk_level: { type: string, enum: [low, medium, high] }
            additionalProperties: false
        plugins: [{ id: response-healing }]
        meta: true
  load:
    - name: summaries
      start: 10s
      duration: 10m
      rate: 0.5
      templates:
        - body:
            model: "@release-summary"
            input: "Summarize this deployment log: {{lorem.paragraph}}"
timeline:
  - at: 3m
    name: openai-503-burst
    degrade: { provider: openai, duration: 5m, http_error: 503 }
expectations:
  - name: the answer matches the schema
    request: deployment-summary
    schema_valid_rate: { equals: 1 }
  - name: clients never see the burst
    client_error_rate: { max: 0 }
    failover: { from: openai, incident: openai-503-burst, within: 0s }
  # A preset's routing mode is a weighted shuffle: the cheapest host gets most traffic, not all of it.
  - name: the preset's price mode sends most traffic to OpenAI before the burst
    window: { to: 3m }
    provider_share: { openai: { min: 0.5 } }
`;

/** Where the starter scenario goes, relative to the target folder. */
export const STARTER_SCENARIO = "scenarios/release-summary.yaml";

/**
 * Paths (relative to the target folder) and contents. `schemaPath` is the scenario JSON Schema as
 * seen from the scenario's folder; `runCommand` the command that runs the starter (printed too).
 */
export function starterFiles(options: { schemaPath: string; runCommand: string }): Record<string, string> {
  return {
    "presets/release-summary.yaml": PRESET,
    [STARTER_SCENARIO]: scenario(options.schemaPath, options.runCommand),
  };
}
