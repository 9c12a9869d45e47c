// Whether a client got an answer that satisfies the JSON Schema it asked for (directly or through
// its preset): the basis of the `schema_valid_rate` expectation.
import type { PresetStore } from "../../gateway/presets/preset-store.js";
import { parseModelReference } from "../../gateway/request/model-reference.js";
import type { ResponseFormat } from "../../providers/types.js";
import { normaliseResponseFormat } from "../../structured-output/normalise-response-format.js";
import { validateJson } from "../../structured-output/validate-json.js";

type JsonSchemaFormat = Extract<ResponseFormat, { type: "json_schema" }>;

/** The JSON-schema format a request asks for, from its body or else its preset; undefined when none. */
export function requestedSchema(body: Record<string, unknown>, presets: PresetStore): JsonSchemaFormat | undefined {
  const anthropic = anthropicSchema(body);
  if (anthropic) return anthropic;
  const own = normaliseResponseFormat(body);
  if (own.ok && own.format) return own.format.type === "json_schema" ? own.format : undefined;
  const slug = presetSlugOf(body);
  const fromPreset = slug === undefined ? undefined : presets.get(slug)?.responseFormat;
  if (!fromPreset) return undefined;
  const normalised = normaliseResponseFormat({ response_format: fromPreset });
  return normalised.ok && normalised.format?.type === "json_schema" ? normalised.format : undefined;
}

/** A /v1/messages body's `output_config.format` (or the beta `output_format`). */
function anthropicSchema(body: Record<string, unknown>): JsonSchemaFormat | undefined {
  const config = body.output_config as { format?: unknown } | undefined;
  const format = (config?.format ?? body.output_format) as { type?: unknown; schema?: unknown } | undefined;
  if (format?.type !== "json_schema" || typeof format.schema !== "object" || format.schema === null) return undefined;
  return { type: "json_schema", name: "response", schema: format.schema as Record<string, unknown> };
}

function presetSlugOf(body: Record<string, unknown>): string | undefined {
  if (typeof body.preset === "string") return body.preset.trim().replace(/^@/, "");
  if (typeof body.model !== "string") return undefined;
  const ref = parseModelReference(body.model);
  return ref.ok && ref.reference.kind === "preset" ? ref.reference.preset : undefined;
}

/**
 * The assistant's output text of an answer on any surface, located as the reference's healing plugin
 * locates it: Chat `choices[0].message.content`, Messages `text` blocks, Responses `output_text`.
 */
export function outputText(body: unknown): string | undefined {
  if (typeof body !== "object" || body === null) return undefined;
  const choices = (body as { choices?: unknown }).choices;
  if (Array.isArray(choices)) {
    const content = (choices[0] as { message?: { content?: unknown } } | undefined)?.message?.content;
    return typeof content === "string" ? content : undefined;
  }
  if ((body as { type?: unknown }).type === "message") {
    const blocks = (body as { content?: unknown }).content;
    if (!Array.isArray(blocks)) return undefined;
    const texts = (blocks as { type?: unknown; text?: unknown }[]).filter((b) => b.type === "text" && typeof b.text === "string").map((b) => b.text as string);
    return texts.length > 0 ? texts.join("") : undefined;
  }
  const output = (body as { output?: unknown }).output;
  if (!Array.isArray(output)) return undefined;
  for (const item of output as unknown[]) {
    const content = (item as { type?: unknown; content?: unknown }).content;
    if ((item as { type?: unknown }).type !== "message" || !Array.isArray(content)) continue;
    for (const part of content as unknown[]) {
      const p = part as { type?: unknown; text?: unknown };
      if (p.type === "output_text" && typeof p.text === "string") return p.text;
    }
  }
  return undefined;
}

/**
 * True when the answer parses and validates, false when it does not (or the request failed).
 *
 * @example
 * answerIsSchemaValid(format, 200, responseBody); // true
 */
export function answerIsSchemaValid(format: JsonSchemaFormat, httpStatus: number, body: unknown): boolean {
  if (httpStatus !== 200) return false;
  const text = outputText(body);
  if (text === undefined) return false;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return false;
  }
  return validateJson(format.schema, value).ok;
}
