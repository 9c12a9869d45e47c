// An object with a few keys of its own whose remaining keys are validated by another schema
// (`degrade: { provider: openai, http_error: 503 }`): both halves report located issues.
import { z } from "zod";

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * @example
 * const degrade = withRest({ provider: z.string() }, degradationPhaseSchema, "{ provider, <fault> }");
 * degrade.parse({ provider: "openai", http_error: 503 });
 * // { own: { provider: "openai" }, rest: <parsed phase>, restInput: { http_error: 503 } }
 */
export function withRest<Own extends z.ZodRawShape, Rest extends z.ZodType>(own: Own, rest: Rest, expected: string) {
  const ownSchema = z.object(own);
  type Out = { own: z.output<typeof ownSchema>; rest: z.output<Rest>; restInput: z.input<Rest> };
  return z
    .custom<z.input<typeof ownSchema> & Record<string, unknown>>(() => true)
    .transform((value, ctx): Out => {
      if (!isPlainObject(value)) {
        ctx.addIssue({ code: "custom", message: `expected ${expected}`, path: [] });
        return z.NEVER;
      }
      const ownPart: Record<string, unknown> = {};
      const restPart: Record<string, unknown> = {};
      for (const [key, v] of Object.entries(value)) (key in own ? ownPart : restPart)[key] = v;
      const a = ownSchema.safeParse(ownPart);
      const b = rest.safeParse(restPart);
      for (const issue of [...(a.error?.issues ?? []), ...(b.error?.issues ?? [])]) ctx.addIssue({ ...issue });
      if (!a.success || !b.success) return z.NEVER;
      // The rest parsed successfully, so it is a valid input of `rest` (kept for APIs that parse it again).
      return { own: a.data, rest: b.data, restInput: restPart as z.input<Rest> };
    });
}
