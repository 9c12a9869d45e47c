// seeds/000's `gateway.generate_response({...})` argument, as the Python SDK serialises it: the
// release-summary request the end-to-end, healing and request tests all send, and its format as the
// gateway normalises it (the healing unit tests and the heal bench use that).
import type { ResponseFormat } from "../../src/providers/types.js";

export const RELEASE_SUMMARY_SCHEMA = {
  type: "object",
  required: ["summary", "risk_level"],
  properties: { summary: { type: "string" }, risk_level: { type: "string", enum: ["low", "medium", "high"] } },
  additionalProperties: false,
};

/** The request's `response_format`, normalised as the gateway passes it to healing. */
export const RELEASE_SUMMARY_FORMAT: ResponseFormat = { type: "json_schema", name: "release_summary", schema: RELEASE_SUMMARY_SCHEMA };

export const RELEASE_SUMMARY_REQUEST = {
  preset: "release-summary",
  input: "Summarize the last 24 hours of deployment activity.",
  response_format: { type: "json_schema", name: "release_summary", schema: RELEASE_SUMMARY_SCHEMA },
  plugins: [{ id: "response-healing" }],
  meta: true,
};

/**
 * The same request in the form the reference gateway reads: the preset selected by `model: "@slug"`
 * (the `preset` field above is not read there, and without `model` the body is a 400).
 */
export const RELEASE_SUMMARY_MODEL_REQUEST = (({ preset: _preset, ...rest }) => ({ model: "@release-summary", ...rest }))(RELEASE_SUMMARY_REQUEST);
