// Structured output: the request's output-format spellings and JSON Schema validation (all drafts).
export { normaliseResponseFormat, type NormalisedResponseFormat, type ResponseFormatFields } from "./normalise-response-format.js";
export { responseFormatSchema, textParamSchema } from "./response-format-schema.js";
export { validateJson, type JsonValidationResult } from "./validate-json.js";
export { compileSchema, type CompiledSchema } from "./compile-schema.js";
export { detectSchemaDraft, DEFAULT_SCHEMA_DRAFT, SCHEMA_DRAFTS, type SchemaDraft } from "./schema-draft.js";
export { MAX_VALIDATION_ERRORS, type ValidationIssue } from "./validation-issue.js";
export { formatJsonPath } from "./json-path.js";
