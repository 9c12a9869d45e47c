// Which JSON Schema dialect a schema is written in. ajv needs a different instance per dialect, so
// every schema is classified once, the same way the corpora under test/fixtures/corpora were built.

/** The dialects gateway-sim validates. */
export const SCHEMA_DRAFTS = ["draft-04", "draft-06", "draft-07", "2019-09", "2020-12"] as const;
export type SchemaDraft = (typeof SCHEMA_DRAFTS)[number];

/**
 * The dialect used when a schema has no `$schema`: draft-07, ajv's own default and what OpenAI-style
 * structured-output schemas are written against (2020-12-only keywords such as `prefixItems` are rare
 * in them, and draft-07 accepts `$defs` as an unknown keyword that `$ref` can still point into).
 */
export const DEFAULT_SCHEMA_DRAFT: SchemaDraft = "draft-07";

/** The canonical `$schema` URI of each dialect (the id ajv registers its meta-schema under). */
export const DRAFT_META_SCHEMA_URIS: Record<SchemaDraft, string> = {
  "draft-04": "http://json-schema.org/draft-04/schema#",
  "draft-06": "http://json-schema.org/draft-06/schema#",
  "draft-07": "http://json-schema.org/draft-07/schema#",
  "2019-09": "https://json-schema.org/draft/2019-09/schema",
  "2020-12": "https://json-schema.org/draft/2020-12/schema",
};

/**
 * Classifies a schema by its `$schema` (substring match, so `http`/`https` and a missing `#` do not
 * matter). Without `$schema`, a top-level string `id` and no `$id` means draft-04; anything else is
 * {@link DEFAULT_SCHEMA_DRAFT}. An unrecognised `$schema` (e.g. draft-03) also falls back to it.
 *
 * @example
 * detectSchemaDraft({ $schema: "http://json-schema.org/draft-04/schema#" }); // "draft-04"
 * detectSchemaDraft({ type: "object" }); // "draft-07"
 */
export function detectSchemaDraft(schema: Record<string, unknown>): SchemaDraft {
  const declared = schema["$schema"];
  if (typeof declared === "string") {
    for (const draft of SCHEMA_DRAFTS) if (declared.includes(draft)) return draft;
    return DEFAULT_SCHEMA_DRAFT;
  }
  if (typeof schema["id"] === "string" && schema["$id"] === undefined) return "draft-04";
  return DEFAULT_SCHEMA_DRAFT;
}
