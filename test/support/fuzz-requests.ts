// Property: any request body gets a 2xx or a flat 4xx (a validation_error locates each problem by JSON
// path), never a 500; and the usage log holds exactly one record per generation id handed out.
// Used by test/fuzz.test.ts (fixed seed, small budget) and test/fuzz-run.ts (`npm run fuzz`).
import fc from "fast-check";
import { ERROR_CODES, type ErrorBody } from "../../src/core/errors.js";
import type { Gateway, GatewayResponse } from "../../src/gateway/create-gateway.js";

const FIELDS = [
  "model",
  "input",
  "instructions",
  "temperature",
  "top_p",
  "max_output_tokens",
  "stream",
  "provider",
  "preset",
  "text",
  "tools",
  "metadata",
  "plugins",
  "reasoning",
  "stop",
  "seed",
  "meta",
  "response_caching",
  "user",
  "not_a_field",
] as const;

const MODELS = ["openai/gpt-5.4-nano", "openai/gpt-5.4-mini", "anthropic/claude-opus-4.6", "nope/nope", ""];

/** Nested `levels` deep, built without recursion so the generator cannot overflow either. */
function nested(levels: number): unknown {
  let value: unknown = "x";
  for (let i = 0; i < levels; i++) value = i % 2 === 0 ? { a: value } : [value];
  return value;
}

const fieldValue = fc.oneof(
  fc.jsonValue({ maxDepth: 4 }),
  fc.constantFrom(...MODELS),
  fc.integer({ min: 1, max: 6_000 }).map(nested),
  fc.constantFrom(
    "x".repeat(300_000),
    { type: "json_schema", name: "s", schema: { type: "object" } },
    { format: { type: "json_schema", name: "s", schema: nested(200) } },
    { only: ["openai"], sort: "price" },
    [{ id: "response-healing" }],
  ),
  fc.nat({ max: 3_000 }).map((n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, i]))),
);

/** A request body: a valid one with fields set to random values, or any JSON value at all. */
export const requestBodyArbitrary: fc.Arbitrary<unknown> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.tuple(fc.constantFrom(...MODELS), fc.array(fc.tuple(fc.constantFrom(...FIELDS), fieldValue), { maxLength: 3 }), fc.boolean()).map(([model, fields, stream]) => {
      const body: Record<string, unknown> = { model, input: "Extract the action items.", stream };
      for (const [key, value] of fields) body[key] = value;
      return body;
    }),
  },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
);

/** How an answer came out. `server_error` and `unflat` break the property. */
export type BodyOutcome = "2xx" | "4xx" | "upstream_5xx" | "server_error" | "unflat";

/**
 * Sends `body` through the gateway, reads a stream to its end, and classifies the answer.
 *
 * @example
 * const { outcome, id } = await answerBody(gateway, { model: "x" });
 */
export async function answerBody(gateway: Gateway, body: unknown): Promise<{ outcome: BodyOutcome; id: string | undefined; detail: string }> {
  let response: GatewayResponse;
  try {
    response = await gateway.respond(body);
  } catch (error) {
    return { outcome: "server_error", id: undefined, detail: `respond() threw: ${String(error)}` };
  }
  const id = response.headers["x-generation-id"];
  if (response.kind === "stream") {
    for await (const _event of response.events) {
      // Read to the end: the usage record settles when the stream does.
    }
    await response.record;
    return { outcome: "2xx", id, detail: "" };
  }
  return { ...classifyJson(response.status, response.body), id };
}

/** A JSON answer: 2xx, or the flat §8 body with a located validation error. */
export function classifyJson(status: number, body: unknown): { outcome: BodyOutcome; detail: string } {
  if (status >= 200 && status < 300) return { outcome: "2xx", detail: "" };
  const flat = body as Partial<ErrorBody>;
  const known = typeof flat.error === "string" && flat.error in ERROR_CODES;
  const shaped = known && flat.status_code === status && typeof flat.description === "string" && flat.error_type !== undefined && flat.error_origin !== undefined;
  const located =
    flat.error !== "validation_error" || (Array.isArray(flat.details) && flat.details.length > 0 && flat.details.every((d) => typeof d.path === "string" && typeof d.message === "string"));
  const text = JSON.stringify(body).slice(0, 300);
  if (!shaped || !located) return { outcome: "unflat", detail: text };
  if (status >= 400 && status < 500) return { outcome: "4xx", detail: "" };
  // A provider answer that broke the request's schema may fail upstream (502): the provider's doing, not a crash.
  if (flat.error_origin === "upstream") return { outcome: "upstream_5xx", detail: text };
  return { outcome: "server_error", detail: text };
}
