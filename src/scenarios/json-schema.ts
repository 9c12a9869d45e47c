// The JSON Schema of scenario files, generated from the zod schema (input side), so editors can
// autocomplete and check scenario files. Parts zod cannot express (custom parsers that give
// better error messages) are filled in from the schemas they delegate to.
import { z } from "zod";
import { durationSchema } from "../core/duration.js";
import { fakeProviderProfileSchema } from "../fakes/profile/schema.js";
import { scenarioSchemaFor } from "./schema/scenario.js";

type JsonObject = Record<string, unknown>;

const DURATION_PATTERN = "^\\s*\\d+(\\.\\d+)?\\s*(ms|s|m|h)\\s*$";

function toJson(schema: z.ZodType): JsonObject {
  const json = z.toJSONSchema(schema, {
    io: "input",
    target: "draft-07",
    unrepresentable: "any",
    override: (ctx) => {
      if (ctx.zodSchema === durationSchema || ctx.zodSchema === durationSchema.in) {
        ctx.jsonSchema.anyOf = [
          { type: "number", minimum: 0 },
          { type: "string", pattern: DURATION_PATTERN },
        ];
        ctx.jsonSchema.description ??= 'A duration: "800ms", "1.5s", "10m", "1h", or a number of milliseconds.';
      }
    },
  }) as JsonObject;
  delete json.$schema;
  return json;
}

function at(obj: JsonObject, ...keys: string[]): JsonObject {
  let node: unknown = obj;
  for (const key of keys) node = (node as JsonObject | undefined)?.[key];
  if (typeof node !== "object" || node === null) throw new Error(`JSON Schema has no ${keys.join(".")}`);
  return node as JsonObject;
}

/**
 * @example
 * writeFileSync("schema/scenario.schema.json", JSON.stringify(scenarioJsonSchema(), null, 2));
 */
export function scenarioJsonSchema(): JsonObject {
  const root = toJson(scenarioSchemaFor({ catalog: undefined }));
  const profile = toJson(fakeProviderProfileSchema);
  // In a scenario, `models` may come from the referenced catalog.
  profile.required = ["id"];
  at(root, "properties", "providers").items = profile;
  const phase = at(profile, "properties", "degradations", "items");
  const { at: _start, ...phaseProperties } = at(phase, "properties");
  at(root, "properties", "timeline", "items", "properties").degrade = {
    type: "object",
    description: "A fault phase starting at the event's `at`: the provider and exactly one fault (http_error, hang, latency_multiplier, …).",
    properties: { provider: { type: "string", minLength: 1 }, ...phaseProperties },
    required: ["provider"],
    additionalProperties: false,
  };
  return {
    $schema: "http://json-schema.org/draft-07/schema#",
    title: "gateway-sim scenario",
    description: "A gateway-sim scenario: fake providers, gateway settings, presets, traffic, a timeline of incidents and expectations.",
    ...root,
  };
}

/** The schema as the `schema` command prints it and `schema/scenario.schema.json` stores it. */
export function renderScenarioJsonSchema(): string {
  return `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`;
}
