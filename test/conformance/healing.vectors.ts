// Test vectors of the reference's response-healing tests at the pin (01ac8ac), as data: the text
// blocks of one answer, the request's format, mode and finish reason → the blocks sent on and the
// execution record. Facts from apps/api/src/plugins/response-healing.test.ts; no code copied.
// A Responses message's `output_text` parts, a Messages answer's `text` blocks and a chat answer's
// one content string are all "blocks" here: gateway-sim heals the list the same way for every surface.
import type { ResponseFormat } from "../../src/providers/types.js";
import type { HealingMode } from "../../src/plugins/response-healing/registry.js";

export const HEALING_TEST_FILE = "apps/api/src/plugins/response-healing.test.ts";

export interface HealingVector {
  /** The reference test's name (`it(...)`), or `code reading: …` for a fact no reference test states. */
  name: string;
  blocks: string[];
  /** undefined: no JSON target in the request body. */
  format: ResponseFormat | undefined;
  mode: HealingMode;
  finishReason: "stop" | "length";
  streaming?: boolean;
  expect: {
    /** The blocks after the plugin; omitted: unchanged. */
    blocks?: string[];
    status: "applied" | "skipped";
    changed: boolean;
    /** Metadata fields that must match exactly (toMatchObject). */
    metadata: Record<string, unknown>;
    /** `transforms_applied` must contain these (arrayContaining), or equal `transformsExactly`. */
    transformsInclude?: string[];
    transformsExactly?: string[];
    /** `validation_errors` must contain these strings. */
    errorsInclude?: string[];
  };
}

const FENCED_BARE = "```json\n{foo: 1,}\n```";
// A json_schema format without a schema validates nothing, as json_object (response-healing.ts:60-66).
const JSON_ANY: ResponseFormat = { type: "json_object" };
const OK_SCHEMA: ResponseFormat = { type: "json_schema", name: "ok", schema: { type: "object", required: ["ok"], properties: { ok: { type: "boolean" } }, additionalProperties: false } };
const CODE_SCORE: ResponseFormat = {
  type: "json_schema",
  name: "code_score",
  schema: {
    type: "object",
    required: ["code", "score"],
    properties: { code: { type: "string", minLength: 3, pattern: "^[A-Z]+$" }, score: { type: "number", minimum: 10, maximum: 20, multipleOf: 5 } },
    additionalProperties: false,
  },
};
const FORMATS: ResponseFormat = {
  type: "json_schema",
  name: "formats",
  schema: {
    type: "object",
    required: ["email", "homepage", "runId", "updatedAt", "tags"],
    properties: {
      email: { type: "string", format: "email" },
      homepage: { type: "string", format: "uri" },
      runId: { type: "string", format: "uuid" },
      updatedAt: { type: "string", format: "date-time" },
      tags: { type: "array", uniqueItems: true, items: { type: "string" } },
    },
    additionalProperties: false,
  },
};
const BAD_FORMATS = JSON.stringify({ email: "not-an-email", homepage: "notaurl", runId: "abc", updatedAt: "yesterday", tags: ["dup", "dup"] });
const GOOD_FORMATS = JSON.stringify({
  email: "team@example.com",
  homepage: "https://phaseo.app/docs/v1",
  runId: "123e4567-e89b-42d3-a456-426614174000",
  updatedAt: "2026-05-09T12:00:00Z",
  tags: ["ops", "gateway"],
});

export const HEALING_VECTORS: HealingVector[] = [
  {
    name: "repairs malformed chat-completions JSON output",
    blocks: [FENCED_BARE],
    format: JSON_ANY,
    mode: "safe",
    finishReason: "stop",
    expect: {
      blocks: ['{"foo":1}'],
      status: "applied",
      changed: true,
      metadata: { attempted: true, healed: true, mode: "safe" },
      transformsInclude: ["strip_markdown_fence", "remove_trailing_commas", "quote_bare_keys"],
    },
  },
  {
    name: "skips streaming requests",
    blocks: [FENCED_BARE],
    format: JSON_ANY,
    mode: "safe",
    finishReason: "stop",
    streaming: true,
    expect: { status: "skipped", changed: false, metadata: { attempted: false, healed: false, failure_reason: "streaming_unsupported" } },
  },
  {
    name: "repairs malformed responses output_text payloads",
    blocks: ['{"items":[1,2,]}', '{"ignored":true}'],
    format: JSON_ANY,
    mode: "safe",
    finishReason: "stop",
    expect: { blocks: ['{"items":[1,2]}'], status: "applied", changed: true, metadata: {} },
  },
  {
    name: "uses strict mode to avoid syntactic repair transforms beyond wrapper extraction",
    blocks: [FENCED_BARE],
    format: JSON_ANY,
    mode: "strict",
    finishReason: "stop",
    expect: { status: "skipped", changed: false, metadata: { attempted: true, healed: false, mode: "strict", failure_reason: "unrepairable" }, transformsInclude: ["strip_markdown_fence"] },
  },
  {
    name: "uses strict mode to unwrap valid fenced JSON without broader repair transforms",
    blocks: ['```json\n{"ok":true}\n```'],
    format: JSON_ANY,
    mode: "strict",
    finishReason: "stop",
    expect: { blocks: ['{"ok":true}'], status: "applied", changed: true, metadata: { attempted: true, healed: true, mode: "strict" }, transformsExactly: ["strip_markdown_fence"] },
  },
  {
    name: "heals the first recoverable responses text block when prose appears before JSON",
    blocks: ["Here is the result you asked for:", "```json\n{items: [1,2,],}\n```"],
    format: JSON_ANY,
    mode: "safe",
    finishReason: "stop",
    expect: { blocks: ['{"items":[1,2]}'], status: "applied", changed: true, metadata: { attempted: true, healed: true } },
  },
  {
    name: "collapses prose plus already-valid JSON down to the selected responses text block",
    blocks: ["Here is the result you asked for:", '{"items":[1,2]}'],
    format: JSON_ANY,
    mode: "safe",
    finishReason: "stop",
    expect: { blocks: ['{"items":[1,2]}'], status: "applied", changed: true, metadata: { attempted: true, healed: false } },
  },
  {
    name: "collapses prose plus already-valid JSON text blocks on the messages surface",
    blocks: ["Here is the answer:", '{"ok":true}'],
    format: { type: "json_schema", name: "o", schema: { type: "object" } },
    mode: "safe",
    finishReason: "stop",
    expect: { blocks: ['{"ok":true}'], status: "applied", changed: true, metadata: { attempted: true, healed: false } },
  },
  {
    name: "skips rewriting when healed JSON violates the declared schema",
    blocks: [FENCED_BARE],
    format: OK_SCHEMA,
    mode: "safe",
    finishReason: "stop",
    expect: { status: "skipped", changed: false, metadata: { attempted: true, healed: false, failure_reason: "schema_mismatch" }, errorsInclude: ["$.ok is required", "$.foo is not allowed"] },
  },
  {
    name: "continues scanning later text blocks until one matches the declared schema",
    blocks: ['{"foo":1}', '{"ok":true}'],
    format: OK_SCHEMA,
    mode: "safe",
    finishReason: "stop",
    expect: { blocks: ['{"ok":true}'], status: "applied", changed: true, metadata: { attempted: true } },
  },
  {
    name: "enforces string and numeric schema constraints before rewriting",
    blocks: ['{"code":"ab","score":7}'],
    format: CODE_SCORE,
    mode: "safe",
    finishReason: "stop",
    expect: {
      status: "skipped",
      changed: false,
      metadata: { attempted: true, failure_reason: "schema_mismatch" },
      errorsInclude: ["$.code must be at least 3 character(s)", "$.code does not match the required pattern", "$.score must be greater than or equal to 10", "$.score must be a multiple of 5"],
    },
  },
  {
    name: "selects a later candidate when earlier JSON violates string or numeric schema constraints",
    blocks: ['{"code":"ab","score":7}', '{"code":"ABC","score":15}'],
    format: CODE_SCORE,
    mode: "safe",
    finishReason: "stop",
    expect: { blocks: ['{"code":"ABC","score":15}'], status: "applied", changed: true, metadata: { attempted: true } },
  },
  {
    name: "enforces string format and uniqueItems constraints before rewriting",
    blocks: [BAD_FORMATS],
    format: FORMATS,
    mode: "safe",
    finishReason: "stop",
    expect: {
      status: "skipped",
      changed: false,
      metadata: { attempted: true, failure_reason: "schema_mismatch" },
      errorsInclude: [
        "$.email must match the email format",
        "$.homepage must match the uri format",
        "$.runId must match the uuid format",
        "$.updatedAt must match the date-time format",
        "$.tags must contain only unique items",
      ],
    },
  },
  {
    name: "selects a later candidate when earlier JSON violates format or uniqueItems constraints",
    blocks: [BAD_FORMATS, GOOD_FORMATS],
    format: FORMATS,
    mode: "safe",
    finishReason: "stop",
    expect: { blocks: [GOOD_FORMATS], status: "applied", changed: true, metadata: { attempted: true } },
  },
  {
    name: "skips healing for non-structured requests",
    blocks: [FENCED_BARE],
    format: undefined,
    mode: "safe",
    finishReason: "stop",
    expect: { status: "skipped", changed: false, metadata: { attempted: false, healed: false, failure_reason: "not_json" } },
  },
  {
    name: "does not append missing closers for truncated completions",
    blocks: ['{"foo": {"bar": 1'],
    format: JSON_ANY,
    mode: "safe",
    finishReason: "length",
    expect: { status: "skipped", changed: false, metadata: { attempted: true, healed: false, failure_reason: "truncated" } },
  },
];

/** Facts of response-healing.ts with no reference test, each with its line at the pin. */
export const HEALING_CODE_VECTORS: HealingVector[] = [
  {
    name: "code reading: valid compact JSON needs no rewrite: skipped, changed false, no failure_reason (response-healing.ts:711-733)",
    blocks: ['{"a":1}'],
    format: JSON_ANY,
    mode: "safe",
    finishReason: "stop",
    expect: { status: "skipped", changed: false, metadata: { attempted: true, healed: false, mode: "safe" }, transformsExactly: [] },
  },
  {
    name: "code reading: valid but not compact JSON is rewritten: applied, healed false (response-healing.ts:711-720)",
    blocks: ['{ "a": 1 }'],
    format: JSON_ANY,
    mode: "safe",
    finishReason: "stop",
    expect: { blocks: ['{"a":1}'], status: "applied", changed: true, metadata: { healed: false }, transformsExactly: [] },
  },
  {
    name: "code reading: strict mode at finish length reports truncated (response-healing.ts:192-196)",
    blocks: [FENCED_BARE],
    format: JSON_ANY,
    mode: "strict",
    finishReason: "length",
    expect: { status: "skipped", changed: false, metadata: { failure_reason: "truncated" } },
  },
  {
    name: "code reading: a schema mismatch then an unrepairable block reports unrepairable (response-healing.ts:656-658, 694)",
    blocks: ['{"foo":1}', "no json here"],
    format: OK_SCHEMA,
    mode: "safe",
    finishReason: "stop",
    expect: { status: "skipped", changed: false, metadata: { attempted: true, failure_reason: "unrepairable" } },
  },
  {
    name: "code reading: only empty text blocks give not_json, not attempted (response-healing.ts:634-636, 679-691)",
    blocks: [""],
    format: JSON_ANY,
    mode: "safe",
    finishReason: "stop",
    expect: { status: "skipped", changed: false, metadata: { attempted: false, healed: false, failure_reason: "not_json" } },
  },
  {
    name: "code reading: blank text is attempted and not_json (response-healing.ts:146-149)",
    blocks: ["   "],
    format: JSON_ANY,
    mode: "safe",
    finishReason: "stop",
    expect: { status: "skipped", changed: false, metadata: { attempted: true, failure_reason: "not_json" }, transformsExactly: [] },
  },
  {
    name: "code reading: quote_bare_keys only quotes identifier keys (response-healing.ts:90-92): a curly-quoted key is unrepairable, never the key “a”",
    blocks: ["{\u201ca\u201d: 15}"],
    format: { type: "json_schema", name: "a", schema: { type: "object", properties: { a: { type: "number" } } } },
    mode: "safe",
    finishReason: "stop",
    expect: { status: "skipped", changed: false, metadata: { attempted: true, failure_reason: "unrepairable" } },
  },
];
