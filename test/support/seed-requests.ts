// seeds/000's `gateway.generate_response({...})` argument, as the Python SDK serialises it: the
// release-summary request the end-to-end, healing and request tests all send.

export const RELEASE_SUMMARY_SCHEMA = {
  type: "object",
  required: ["summary", "risk_level"],
  properties: { summary: { type: "string" }, risk_level: { type: "string", enum: ["low", "medium", "high"] } },
  additionalProperties: false,
};

export const RELEASE_SUMMARY_REQUEST = {
  preset: "release-summary",
  input: "Summarize the last 24 hours of deployment activity.",
  response_format: { type: "json_schema", name: "release_summary", schema: RELEASE_SUMMARY_SCHEMA },
  plugins: [{ id: "response-healing" }],
  meta: true,
};
