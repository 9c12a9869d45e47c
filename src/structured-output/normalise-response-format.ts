// Reads the requested output format from a request body, whichever of the three spellings it uses:
// flat `response_format`, nested `response_format.json_schema`, or the Responses API's `text.format`.
import type { z } from "zod";
import type { ErrorDetail } from "../core/errors.js";
import { formatPath } from "../core/load-config.js";
import type { ResponseFormat } from "../providers/types.js";
import { responseFormatSchema, textParamSchema } from "./response-format-schema.js";

/** The body fields that carry an output format. */
export interface ResponseFormatFields {
  response_format?: unknown;
  text?: unknown;
}

/** The format (undefined when none was asked for), or every problem, located from the body root. */
export type NormalisedResponseFormat = { ok: true; format: ResponseFormat | undefined } | { ok: false; problems: ErrorDetail[] };

/**
 * Normalises the body's output format. Setting both `response_format` and `text.format` is a problem.
 *
 * @example
 * normaliseResponseFormat({ text: { format: { type: "json_schema", name: "s", schema: { type: "object" } } } });
 * // { ok: true, format: { type: "json_schema", name: "s", schema: { type: "object" } } }
 * normaliseResponseFormat({ response_format: { type: "json_schema", name: "s" } });
 * // { ok: false, problems: [{ path: "response_format.schema", message: "is required for a json_schema format", keyword: "custom" }] }
 */
export function normaliseResponseFormat(fields: ResponseFormatFields): NormalisedResponseFormat {
  const problems: ErrorDetail[] = [];
  let fromResponseFormat: ResponseFormat | undefined;
  let fromText: ResponseFormat | undefined;
  if (fields.response_format !== undefined && fields.response_format !== null) {
    const parsed = responseFormatSchema.safeParse(fields.response_format);
    if (parsed.success) fromResponseFormat = parsed.data;
    else problems.push(...toDetails(parsed.error, ["response_format"]));
  }
  if (fields.text !== undefined && fields.text !== null) {
    const parsed = textParamSchema.safeParse(fields.text);
    if (parsed.success) fromText = parsed.data.format;
    else problems.push(...toDetails(parsed.error, ["text"]));
  }
  if (fields.response_format != null && hasTextFormat(fields.text)) {
    problems.push({ path: "text.format", message: "conflicts with `response_format`: set the output format in one place", keyword: "conflict" });
  }
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, format: fromResponseFormat ?? fromText };
}

function hasTextFormat(text: unknown): boolean {
  return typeof text === "object" && text !== null && (text as Record<string, unknown>)["format"] != null;
}

function toDetails(error: z.ZodError, prefix: PropertyKey[]): ErrorDetail[] {
  return error.issues.map((issue) => {
    const params = (issue as { params?: { keyword?: unknown } }).params;
    const keyword = typeof params?.keyword === "string" ? params.keyword : issue.code;
    return { path: formatPath([...prefix, ...issue.path]), message: issue.message, keyword };
  });
}
