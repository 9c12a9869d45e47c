// The response-healing plugin (reference §6, plus the opt-in `extended` mode).
export { healResponse, RESPONSE_HEALING_PLUGIN_ID, type HealInput, type HealResult } from "./heal-response.js";
export { healSyntax, type SyntaxHealResult } from "./heal-syntax.js";
export * from "./registry.js";
