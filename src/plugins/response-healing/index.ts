// The response-healing plugin (reference §6, plus the opt-in `extended` mode).
export { healingSucceeded, healResponse, RESPONSE_HEALING_PLUGIN_ID, SCHEMA_CHECKS, type HealInput, type HealResult, type SchemaCheck } from "./heal-response.js";
export { referenceSchemaErrors } from "./reference-schema-check.js";
export { spelledBySource } from "./spelled-by-source.js";
export { healSyntax, type SyntaxHealResult } from "./heal-syntax.js";
export * from "./registry.js";
