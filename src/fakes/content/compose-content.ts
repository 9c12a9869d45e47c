// The text of one answer: a schema-valid JSON value or prose of the sampled length, then the
// content faults that hit, then the request's token limit (cut with finish reason "length").
import type { Faker } from "@faker-js/faker";
import type { Random } from "../../core/random.js";
import type { CONTENT_FAULT_TYPES } from "../profile/fault-schema.js";
import type { JsonSchema } from "./json-schema.js";
import { proseOfTokens } from "./prose.js";
import { applySchemaFault, SCHEMA_FAULT_TYPES, type SchemaFaultType } from "./schema-faults.js";
import { generateFromSchema } from "./schema-value.js";
import { applyTextFault, TEXT_FAULT_TYPES, type TextFaultType } from "./text-faults.js";
import { CHARS_PER_TOKEN, countTokens } from "./tokens.js";

export type ContentFaultType = (typeof CONTENT_FAULT_TYPES)[number];

/** The output format the request asked for, normalised across wire formats. */
export type RequestedFormat = { type: "json_schema"; schema: JsonSchema } | { type: "json_object" } | { type: "text" };

export interface ContentFaultRequest {
  phase: number;
  type: ContentFaultType;
  keep: number | undefined;
}

/** What happened to one content fault: applied, or why it could not be. */
export interface ContentFaultOutcome {
  phase: number;
  type: ContentFaultType;
  applied: boolean;
  detail: string;
}

export interface ComposedContent {
  text: string;
  finishReason: "stop" | "length";
  outputTokens: number;
  faults: ContentFaultOutcome[];
}

const isSchemaFault = (t: ContentFaultType): t is SchemaFaultType => (SCHEMA_FAULT_TYPES as readonly string[]).includes(t);
const isTextFault = (t: ContentFaultType): t is TextFaultType => (TEXT_FAULT_TYPES as readonly string[]).includes(t);

/**
 * Composes an answer.
 *
 * @example
 * composeContent({ type: "text" }, 120, undefined, [], { faker, random }).outputTokens; // 120
 */
export function composeContent(
  format: RequestedFormat,
  sampledTokens: number,
  maxTokens: number | undefined,
  faults: readonly ContentFaultRequest[],
  source: { faker: Faker; random: Random },
): ComposedContent {
  const outcomes: ContentFaultOutcome[] = [];
  let text: string;
  if (format.type === "text") {
    text = proseOfTokens(source.faker, sampledTokens);
  } else {
    const generated = format.type === "json_schema" ? generateFromSchema(format.schema, source) : { value: { answer: proseOfTokens(source.faker, Math.max(1, sampledTokens - 4)) }, nodes: [] };
    let value = generated.value;
    for (const f of faults.filter((f) => isSchemaFault(f.type))) {
      const result = applySchemaFault(f.type as SchemaFaultType, value, generated.nodes, source.random);
      value = result.value;
      outcomes.push({ phase: f.phase, type: f.type, applied: result.applied, detail: result.detail });
    }
    text = JSON.stringify(value);
    for (const f of faults.filter((f) => isTextFault(f.type))) {
      text = applyTextFault(f.type as TextFaultType, text);
      outcomes.push({ phase: f.phase, type: f.type, applied: true, detail: "" });
    }
  }
  for (const f of faults) {
    if (format.type === "text" && f.type !== "truncate_length") outcomes.push({ phase: f.phase, type: f.type, applied: false, detail: "not a JSON answer" });
  }
  let finishReason: "stop" | "length" = "stop";
  const truncation = faults.find((f) => f.type === "truncate_length");
  if (truncation) {
    text = text.slice(0, Math.max(1, Math.floor(text.length * (truncation.keep ?? 0.5))));
    finishReason = "length";
    outcomes.push({ phase: truncation.phase, type: "truncate_length", applied: true, detail: `kept ${text.length} characters` });
  }
  if (maxTokens !== undefined && countTokens(text) > maxTokens) {
    text = text.slice(0, maxTokens * CHARS_PER_TOKEN);
    finishReason = "length";
  }
  return { text, finishReason, outputTokens: countTokens(text), faults: outcomes };
}
